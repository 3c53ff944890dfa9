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
import { authText } from '../login/messages.ts'

/** A new account with email or phone, name and password; logged in, then back to `?next=`. */
export default function RegisterView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(authText, store.locale)
  const acc = useAccountText()
  const common = useCommon()
  const [identifier, setIdentifier] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [error, setError] = createSignal<ApiError>()
  const [busy, setBusy] = createSignal(false)
  const next = () => safeNext(p.query.next)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (busy()) return
    setBusy(true)
    setError(undefined)
    const id = identifier().trim()
    try {
      const customer = await storeApi<Customer>(store.base, '/auth/register', {
        method: 'POST',
        body: {
          ...(id.includes('@') ? { email: id } : id ? { phone: id } : {}),
          name: name(),
          password: password(),
        },
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
    if (e.status === 409) return t.taken
    if (e.status === 429) return acc.tooManyAttempts
    if (e.errors.length > 0) return acc.fixFields
    return e.status === 0 ? common.networkError : e.message
  }
  const identifierError = () =>
    error()?.fieldMessage('body.email') ?? error()?.fieldMessage('body.phone')

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.registerTitle} />
      <div class="mk-acc__body mk-auth">
        <form class="mk-card mk-form" onSubmit={submit} novalidate>
          <TextField
            id="register-identifier"
            label={t.identifier}
            value={identifier()}
            onInput={setIdentifier}
            error={identifierError()}
            autocomplete="username"
            required
            maxLength={200}
          />
          <TextField
            id="register-name"
            label={t.name}
            value={name()}
            onInput={setName}
            error={error()?.fieldMessage('body.name')}
            autocomplete="nickname"
            required
            maxLength={100}
          />
          <TextField
            id="register-password"
            label={t.password}
            type="password"
            value={password()}
            onInput={setPassword}
            error={error()?.fieldMessage('body.password')}
            autocomplete="new-password"
            hint={t.passwordHint}
            required
            maxLength={200}
          />
          <FormMessage text={message()} />
          <button type="submit" class="mk-button" disabled={busy()}>
            {busy() ? t.working : t.register}
          </button>
          <p class="mk-muted mk-center">
            {t.haveAccount}{' '}
            <a href={mallHref(store.base, paths.login(p.query.next ? next() : undefined))}>
              {t.toLogin}
            </a>
          </p>
        </form>
      </div>
    </main>
  )
}
