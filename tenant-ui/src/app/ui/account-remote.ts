import { createSignal } from 'solid-js'
import { ApiError } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { paths } from '../../shared/routes.ts'
import { customer, loadSession, type Customer } from '../session.ts'

/** A fetch a personal page shows: loading until the first answer, then data or an error. */
export interface Remote<T> {
  data: () => T | undefined
  error: () => ApiError | undefined
  loading: () => boolean
  /** Fetches again (the error state's retry); keeps the old data while it runs. */
  reload: () => Promise<void>
  /** Replaces the data with an answer the page got another way (after a change). */
  set: (value: T) => void
}

/**
 * Holds one browser-side fetch of the mall at `base`. Nothing runs until `reload()` (call it in
 * `onMount`), so the server render and the hydrating render both show the loading state. A 401
 * (the session ended) leaves for the login page.
 */
export function createRemote<T>(base: string, fetcher: () => Promise<T>): Remote<T> {
  const [data, setData] = createSignal<T>()
  const [error, setError] = createSignal<ApiError>()
  const [loading, setLoading] = createSignal(true)
  const reload = async () => {
    setLoading(true)
    setError(undefined)
    try {
      const value = await fetcher()
      setData(() => value)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return toLogin(base)
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'error', String(caught)))
    } finally {
      setLoading(false)
    }
  }
  return { data, error, loading, reload, set: (value) => setData(() => value) }
}

/** The current path inside the mall, with its query: where a login should return to. */
export function currentMallPath(base: string): string {
  const path = window.location.pathname.slice(base.length) || '/'
  return path + window.location.search
}

/** Leaves for the login page, to come back here afterwards. */
export function toLogin(base: string): void {
  window.location.replace(mallHref(base, paths.login(currentMallPath(base))))
}

/**
 * A `?next=` value made safe: a path inside the mall (one leading `/`, no scheme, no backslash,
 * not another login page), else `fallback`. Stops open redirects through the login form.
 */
export function safeNext(next: string | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next))
    return fallback
  if (/^\/(login|register)(\?|$)/.test(next)) return fallback
  return next
}

/**
 * The logged-in customer, or null for a guest, from the page's one `/api/store/session` answer
 * (200 for guests, so nothing is logged as failed). A failed answer counts as a guest.
 */
export async function knownCustomer(base: string): Promise<Customer | null> {
  await loadSession(base)
  return customer() ?? null
}

/**
 * Resolves to the customer, or leaves for the login page (and never resolves) for a guest. Views
 * that are only for customers call it before their first fetch, so guests see no failed request.
 */
export async function requireCustomer(base: string): Promise<Customer> {
  const found = await knownCustomer(base)
  if (found) return found
  toLogin(base)
  return new Promise<never>(() => {})
}

/** A random id for an attempt (Idempotency-Key): `crypto.randomUUID` where the page is secure. */
export function newAttemptId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
