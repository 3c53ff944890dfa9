import { ApiError, storeApi } from '../../../../../tenant-ui/src/shared/api.ts'
import { paths } from '../../../../../tenant-ui/src/shared/routes.ts'
import { mallHref } from '../../../../../tenant-ui/src/shared/format.ts'
import type { Offer } from './offer-text.ts'

/** The refusals a ticket explains; anything else reads as "try again". */
export const CLAIM_REFUSALS = [
  'sold_out',
  'limit_reached',
  'not_eligible',
  'not_claimable',
] as const
export type ClaimRefusal = (typeof CLAIM_REFUSALS)[number]

/** Where a ticket stands: not yet claimed, on its way, claimed, refused, or failed. */
export type ClaimState = 'idle' | 'busy' | 'claimed' | 'login' | 'failed' | ClaimRefusal

/** The plugin's store routes, `<base>/api/store/p/coupons<path>`. */
export const couponsApi = <T>(base: string, path: string, init?: Parameters<typeof storeApi>[2]) =>
  storeApi<T>(base, `/p/coupons${path}`, init)

/** A fresh Idempotency-Key (one per tap; `getRandomValues` works on plain http too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `claim-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Claims one coupon for the logged-in customer and says how it went: a retry of the same tap
 * (same key) never claims twice; a lost session asks for a login.
 */
export async function claimOffer(base: string, templateId: string): Promise<ClaimState> {
  try {
    await couponsApi(base, `/offers/${templateId}/claim`, {
      method: 'POST',
      headers: { 'idempotency-key': newIdempotencyKey() },
    })
    return 'claimed'
  } catch (error) {
    if (!(error instanceof ApiError)) return 'failed'
    if (error.status === 401) return 'login'
    const code = error.code.replace(/^coupons:/, '')
    return (CLAIM_REFUSALS as readonly string[]).includes(code) ? (code as ClaimRefusal) : 'failed'
  }
}

/** The login page returning to the page the shopper is on. */
export function loginHref(base: string): string {
  const here = window.location.pathname.slice(base.length) || '/'
  return mallHref(base, paths.login(`${here}${window.location.search}`))
}

/**
 * How many of each template the logged-in customer holds (any state): a ticket whose
 * per-customer limit is reached shows as claimed after a reload.
 */
export async function heldCounts(base: string): Promise<Map<string, number>> {
  type Mine = Record<'usable' | 'used' | 'expired', { templateId: string }[]>
  const mine = await couponsApi<Mine>(base, '/mine')
  const counts = new Map<string, number>()
  for (const coupon of [...mine.usable, ...mine.used, ...mine.expired])
    counts.set(coupon.templateId, (counts.get(coupon.templateId) ?? 0) + 1)
  return counts
}

/** The live offers, those of `templateIds` only (in that order) when given. */
export async function loadOffers(
  base: string,
  options: { templateIds?: readonly string[]; limit: number },
): Promise<Offer[]> {
  const chosen = options.templateIds
  const { items } = await couponsApi<{ items: Offer[] }>(
    base,
    `/offers?limit=${chosen ? 50 : options.limit}`,
  )
  if (!chosen) return items
  const byId = new Map(items.map((offer) => [offer.id, offer]))
  return chosen.flatMap((id) => byId.get(id) ?? []).slice(0, options.limit)
}
