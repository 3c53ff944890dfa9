import { customer, loadSession } from '../../../../../tenant-ui/src/app/session.ts'
import { ApiError, storeApi } from '../../../../../tenant-ui/src/shared/api.ts'
import { mallHref } from '../../../../../tenant-ui/src/shared/format.ts'
import { paths } from '../../../../../tenant-ui/src/shared/routes.ts'
import type { EntryView, MemberView } from '../../server/views.ts'
import type { PackageView, TopUpView } from '../../server/top-ups.ts'
import type { z } from 'zod'

/** A customer's standing as `GET /api/store/p/membership/me` answers it. */
export type Member = MemberView
/** One ledger entry (points or balance). */
export type Entry = z.infer<typeof EntryView>
export type TopUpPackage = z.infer<typeof PackageView>
export type TopUp = z.infer<typeof TopUpView>

/** The check-in calendar of a month as `GET /check-in` answers it. */
export interface CheckInCalendar {
  month: string
  today: string
  checkedInToday: boolean
  streak: number
  makeUpsLeft: number
  days: { day: string; madeUp: boolean; points: number }[]
}

/** What a check-in or a make-up gave. */
export interface CheckInResult {
  day: string
  streak: number
  points: number
  bonus: number
}

/** The plugin's store routes, `<base>/api/store/p/membership<path>`. */
export const membershipApi = <T>(
  base: string,
  path: string,
  init?: Parameters<typeof storeApi>[2],
): Promise<T> => storeApi<T>(base, `/p/membership${path}`, init)

/**
 * The signed-in customer's data from `path`, or null for a guest. Personal data is only ever
 * fetched by the browser, after hydration: the server HTML is cached and shared.
 */
export async function forCustomer<T>(base: string, load: () => Promise<T>): Promise<T | null> {
  await loadSession(base)
  if (!customer()) return null
  try {
    return await load()
  } catch (error) {
    // The session ended between the two answers: a guest after all.
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** The login page, returning to the page the shopper is on. */
export function loginHref(base: string): string {
  const here = window.location.pathname.slice(base.length) || '/'
  return mallHref(base, paths.login(`${here}${window.location.search}`))
}

/** A fresh Idempotency-Key (one per tap; `getRandomValues` works on plain http too). */
export function newKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** The problem code without the plugin's prefix (`membership:already_checked_in` → `already_checked_in`). */
export const refusal = (error: unknown): string =>
  error instanceof ApiError ? error.code.replace(/^membership:/, '') : 'failed'

const CHANGED = 'mallkit:membership-changed'

/** Tells the page's other membership blocks that points or balance moved (they reload). */
export const announceChange = (): void => void window.dispatchEvent(new Event(CHANGED))

/** Runs `reload` whenever another block on the page announces a change; returns the unsubscribe. */
export function onMembershipChange(reload: () => void): () => void {
  window.addEventListener(CHANGED, reload)
  return () => window.removeEventListener(CHANGED, reload)
}
