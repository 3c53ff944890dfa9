import { createSignal, For, Show } from 'solid-js'
import { Field } from '../../../kit/Field.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { roles, staffApi } from './staff-api.ts'
import { staffText, type Role } from './staff-strings.ts'

/** Adds a member: an existing account by email, or a new one with a password. */
export function AddMemberForm(p: { slug: string; onAdded: (notice: string) => void }) {
  const text = staffText
  const [email, setEmail] = createSignal('')
  const [name, setName] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [role, setRole] = createSignal<Role>('operator')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal('')
  const [busy, setBusy] = createSignal(false)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setMessage('')
    const found: Record<string, string> = {}
    if (!email().trim()) found['email'] = text().needEmail
    if (!name().trim()) found['name'] = text().needName
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const added = await staffApi.add(p.slug, {
        email: email().trim(),
        name: name().trim(),
        ...(password() ? { password: password() } : {}),
        role: role(),
      })
      setEmail('')
      setName('')
      setPassword('')
      p.onAdded(text().added(added.email))
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="ck-card ops-card ops-form" onSubmit={submit} novalidate aria-label={text().add}>
      <h2>{text().add}</h2>
      <Field label={text().email} id="staff-email" error={errors()['email']}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            autocomplete="off"
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={text().name} id="staff-name" error={errors()['name']}>
        {(aria) => (
          <input {...aria} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        )}
      </Field>
      <Field
        label={text().password}
        id="staff-password"
        help={text().passwordHelp}
        error={errors()['password']}
      >
        {(aria) => (
          <input
            {...aria}
            type="password"
            autocomplete="new-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={text().roleCol} id="staff-role" error={errors()['role']}>
        {(aria) => (
          <select {...aria} value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={roles}>{(r) => <option value={r}>{text().role[r]}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={message()}>
        <p class="ck-error" role="alert">
          {message()}
        </p>
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
          {busy() ? text().adding : text().add}
        </button>
      </div>
    </form>
  )
}
