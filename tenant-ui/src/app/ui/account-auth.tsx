import { createSignal, type Accessor, type JSX } from 'solid-js'
import { ApiError, storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { setCustomer, type Customer } from '../session.ts'
import { useStorefront } from '../storefront-context.ts'
import { FormMessage, useAccountText } from './account-kit.tsx'
import { PageBar, useCommon } from './ui.tsx'

/** A login or register form's submission, one at a time, and what the store API said about it. */
export interface AuthSubmission {
  busy: Accessor<boolean>
  error: Accessor<ApiError | undefined>
  /** The API's complaint about the first of `fields` that has one, e.g. `body.password`. */
  fieldError(...fields: string[]): string | undefined
  submit(event: SubmitEvent): Promise<void>
}

/**
 * Posts `body()` to the store API's `path` (`/auth/login`, `/auth/register`). The answer is the
 * logged-in customer: the page then leaves for `next()`, a path in the mall. A failure keeps the
 * page, with the error (a network failure as status 0).
 */
export function createAuthSubmission(
  path: string,
  body: () => unknown,
  next: () => string,
): AuthSubmission {
  const store = useStorefront()
  const [error, setError] = createSignal<ApiError>()
  const [busy, setBusy] = createSignal(false)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (busy()) return
    setBusy(true)
    setError(undefined)
    try {
      const customer = await storeApi<Customer>(store.base, path, { method: 'POST', body: body() })
      setCustomer(customer)
      window.location.replace(mallHref(store.base, next()))
    } catch (caught) {
      setBusy(false)
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught)))
    }
  }
  const fieldError = (...fields: string[]) =>
    fields.map((field) => error()?.fieldMessage(field)).find((message) => message !== undefined)
  return { busy, error, fieldError, submit }
}

/**
 * The page of a login or register form: its fields, what went wrong, the submit button and a
 * link to the other form. `explain` names the page's own failures (a wrong password, a taken
 * account) before those every form shares: too many attempts, field complaints, the network.
 */
export function AuthForm(p: {
  title: string
  submission: AuthSubmission
  explain: (error: ApiError) => string | undefined
  submitLabel: string
  /** The way to the other form, e.g. "New here? Create an account". */
  other: { question: string; label: string; href: string }
  children: JSX.Element
}) {
  const acc = useAccountText()
  const common = useCommon()
  const message = () => {
    const e = p.submission.error()
    if (!e) return undefined
    const own = p.explain(e)
    if (own !== undefined) return own
    if (e.status === 429) return acc.tooManyAttempts
    if (e.errors.length > 0) return acc.fixFields
    return e.status === 0 ? common.networkError : e.message
  }
  return (
    <main class="mk-view mk-acc">
      <PageBar title={p.title} />
      <div class="mk-acc__body mk-auth">
        <form class="mk-card mk-form" onSubmit={(event) => p.submission.submit(event)} novalidate>
          {p.children}
          <FormMessage text={message()} />
          <button type="submit" class="mk-button" disabled={p.submission.busy()}>
            {p.submitLabel}
          </button>
          <p class="mk-muted mk-center">
            {p.other.question} <a href={p.other.href}>{p.other.label}</a>
          </p>
        </form>
      </div>
    </main>
  )
}
