import { createSignal } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { AuthForm, createAuthSubmission } from '../../app/ui/account-auth.tsx'
import { TextField } from '../../app/ui/account-kit.tsx'
import { safeNext } from '../../app/ui/account-remote.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { authText } from '../login/messages.ts'

/** A new account with email or phone, name and password; logged in, then back to `?next=`. */
export default function RegisterView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(authText, store.locale)
  const [identifier, setIdentifier] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const next = () => safeNext(p.query.next)
  const form = createAuthSubmission(
    '/auth/register',
    () => {
      const id = identifier().trim()
      return {
        ...(id.includes('@') ? { email: id } : id ? { phone: id } : {}),
        name: name(),
        password: password(),
      }
    },
    next,
  )

  return (
    <AuthForm
      title={t.registerTitle}
      submission={form}
      explain={(e) => (e.status === 409 ? t.taken : undefined)}
      submitLabel={form.busy() ? t.working : t.register}
      other={{
        question: t.haveAccount,
        label: t.toLogin,
        href: mallHref(store.base, paths.login(p.query.next ? next() : undefined)),
      }}
    >
      <TextField
        id="register-identifier"
        label={t.identifier}
        value={identifier()}
        onInput={setIdentifier}
        error={form.fieldError('body.email', 'body.phone')}
        autocomplete="username"
        required
        maxLength={200}
      />
      <TextField
        id="register-name"
        label={t.name}
        value={name()}
        onInput={setName}
        error={form.fieldError('body.name')}
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
        error={form.fieldError('body.password')}
        autocomplete="new-password"
        hint={t.passwordHint}
        required
        maxLength={200}
      />
    </AuthForm>
  )
}
