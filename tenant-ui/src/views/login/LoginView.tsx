import { createSignal } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { AuthForm, createAuthSubmission } from '../../app/ui/account-auth.tsx'
import { TextField } from '../../app/ui/account-kit.tsx'
import { safeNext } from '../../app/ui/account-remote.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { authText } from './messages.ts'

/** Logging in with email or phone and password, then back to `?next=` (a path in the mall). */
export default function LoginView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(authText, store.locale)
  const [identifier, setIdentifier] = createSignal('')
  const [password, setPassword] = createSignal('')
  const next = () => safeNext(p.query.next)
  const form = createAuthSubmission(
    '/auth/login',
    () => ({ identifier: identifier(), password: password() }),
    next,
  )

  return (
    <AuthForm
      title={t.loginTitle}
      submission={form}
      explain={(e) =>
        e.code === 'invalid_credentials' || e.status === 401 ? t.invalid : undefined
      }
      submitLabel={form.busy() ? t.working : t.login}
      other={{
        question: t.noAccount,
        label: t.toRegister,
        href: mallHref(store.base, paths.register(p.query.next ? next() : undefined)),
      }}
    >
      <TextField
        id="login-identifier"
        label={t.identifier}
        value={identifier()}
        onInput={setIdentifier}
        error={form.fieldError('body.identifier')}
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
        error={form.fieldError('body.password')}
        autocomplete="current-password"
        required
        maxLength={200}
      />
    </AuthForm>
  )
}
