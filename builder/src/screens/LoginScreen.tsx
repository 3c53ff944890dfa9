import { createSignal, Show } from 'solid-js'
import { ApiError } from '../app/api.ts'
import { LocaleSelect } from '../app/LocaleSelect.tsx'
import { t } from '../app/i18n.ts'
import { navigate } from '../app/router.ts'
import { logIn } from '../app/session.ts'

/** Staff login on the platform host; a refusal is shown in place, above the button. */
export function LoginScreen() {
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setBusy(true)
    setError(null)
    try {
      await logIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''))
      navigate({ screen: 'malls' }, { replace: true })
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.problem.status : 0
      setError(
        status === 429
          ? t().tooMany
          : status === 401 || status === 422
            ? t().loginFailed
            : t().loadFailed,
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <main class="ck-login">
      <form class="ck-card ck-login__form" onSubmit={submit} aria-labelledby="login-title">
        <div class="ck-login__head">
          <h1 id="login-title">{t().appName}</h1>
          <LocaleSelect />
        </div>
        <label class="ck-field">
          <span>{t().email}</span>
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label class="ck-field">
          <span>{t().password}</span>
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <Show when={error()}>
          <p class="ck-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
          {busy() ? t().loggingIn : t().logIn}
        </button>
      </form>
    </main>
  )
}
