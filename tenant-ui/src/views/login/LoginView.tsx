import { createSignal } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { setCustomer, type Customer } from '../../app/session.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { FormMessage, TextField, useAccountText } from '../../app/ui/account-kit.tsx'
import { safeNext } from '../../app/ui/account-remote.ts'
import { PageBar, useCommon } from '../../app/ui/ui.tsx'
import { ApiError, storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { authText } from './messages.ts'

/** Logging in with email or phone and password, then back to `?next=` (a path in the mall). */
export default function LoginView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(authText, store.locale)
  const acc = useAccountText()
  const common = useCommon()
  const [identifier, setIdentifier] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [error, setError] = createSignal<ApiError>()
  const [busy, setBusy] = createSignal(false)
  const next = () => safeNext(p.query.next)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (busy()) return
    setBusy(true)
    setError(undefined)
    try {
      const customer = await storeApi<Customer>(store.base, '/auth/login', {
        method: 'POST',
        body: { identifier: identifier(), password: password() },
      })
      setCustomer(customer)
      window.location.replace(mallHref(store.base, next()))
    } catch (caught) {
      setBusy(false)
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)))
    }
  }
  const message = () => {
    const e = error()
    if (!e) return undefined
    if (e.code === 'invalid_credentials' || e.status === 401) return t.invalid
    if (e.status === 429) return acc.tooManyAttempts
    if (e.errors.length > 0) return acc.fixFields
    return e.status === 0 ? common.networkError : e.message
  }

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.loginTitle} />
      <div class="mk-acc__body mk-auth">
        <form class="mk-card mk-form" onSubmit={submit} novalidate>
          <TextField
            id="login-identifier"
            label={t.identifier}
            value={identifier()}
            onInput={setIdentifier}
            error={error()?.fieldMessage('body.identifier')}
            autocomplete="username"
            required
            maxLength={200}
          />
          <TextField
            id="login-password"
            label={t.password}
            type="password"
            value={password()}
            onInput={setPassword}
            error={error()?.fieldMessage('body.password')}
            autocomplete="current-password"
            required
            maxLength={200}
          />
          <FormMessage text={message()} />
          <button type="submit" class="mk-button" disabled={busy()}>
            {busy() ? t.working : t.login}
          </button>
          <p class="mk-muted mk-center">
            {t.noAccount}{' '}
            <a href={mallHref(store.base, paths.register(p.query.next ? next() : undefined))}>
              {t.toRegister}
            </a>
          </p>
        </form>
      </div>
    </main>
  )
}
