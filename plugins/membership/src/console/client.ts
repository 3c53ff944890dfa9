import { api, mallApi } from '../../../../builder/src/app/api.ts'
import type { ListPage } from '../../../../builder/src/kit/ListView.tsx'
import type { z } from 'zod'
import type { AdjustmentInput, MemberDetail, MemberRow, Report } from '../server/members.ts'
import type { PackageEdit, PackageInput, PackageView, TopUpRow } from '../server/top-ups.ts'
import type { MemberView } from '../server/views.ts'

export type Member = z.infer<typeof MemberRow>
export type Detail = z.infer<typeof MemberDetail>
export type Adjustment = z.infer<typeof AdjustmentInput>
export type MembershipReport = z.infer<typeof Report>
export type Package = z.infer<typeof PackageView>
export type TopUp = z.infer<typeof TopUpRow>
export type PackageBody = z.input<typeof PackageInput>
export type PackageChange = z.input<typeof PackageEdit>
export type Entry = Detail['points']['items'][number]
export type { MemberView }

/** The permissions the screens check (`membership:<name>` from the manifest). */
export const VIEW = 'membership:members.view'
export const ADJUST = 'membership:members.adjust'
export const MANAGE_TOP_UPS = 'membership:top-ups.manage'

/** The plugin's admin API of the mall `slug`. */
const membership = (slug: string, path: string) => mallApi(slug, `/p/membership${path}`)

export const listMembers = (slug: string, query: URLSearchParams) =>
  api<ListPage<Member>>(membership(slug, `/members?${query}`))

export const memberDetail = (slug: string, customerId: string) =>
  api<Detail>(membership(slug, `/members/${encodeURIComponent(customerId)}`))

/**
 * Adjusts a member's points, balance or growth. `key` is the Idempotency-Key of this one
 * adjustment: a double click or a retry after a lost answer adjusts once.
 */
export async function adjustMember(
  slug: string,
  customerId: string,
  body: Adjustment,
  key: string,
): Promise<MemberView> {
  return api<MemberView>(
    membership(slug, `/members/${encodeURIComponent(customerId)}/adjustments`),
    { method: 'POST', body, headers: { 'idempotency-key': key } },
  )
}

export const listPackages = (slug: string) =>
  api<{ items: Package[] }>(membership(slug, '/top-up-packages'))

export const createPackage = (slug: string, body: PackageBody) =>
  api<Package>(membership(slug, '/top-up-packages'), { method: 'POST', body })

export const editPackage = (slug: string, id: string, body: PackageChange) =>
  api<Package>(membership(slug, `/top-up-packages/${encodeURIComponent(id)}`), {
    method: 'PATCH',
    body,
  })

export const listTopUps = (slug: string, query: URLSearchParams) =>
  api<ListPage<TopUp>>(membership(slug, `/top-ups?${query}`))

export const confirmTopUp = (slug: string, id: string) =>
  api<unknown>(membership(slug, `/top-ups/${encodeURIComponent(id)}/confirm`), { method: 'POST' })

export const membershipReport = (slug: string) => api<MembershipReport>(membership(slug, '/report'))

/** A fresh Idempotency-Key for one submitted form. */
export const newKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('')
