import type { z } from 'zod'
import { ApiError } from '../../../../../tenant-ui/src/shared/api.ts'
import type { ExchangeView, MallStanding, PublicMallItem } from '../../server/points-mall-views.ts'

/** An item on offer as `GET /points-mall` answers it (public). */
export type MallOffer = PublicMallItem
/** The signed-in customer's points and exchanges per item (`GET /points-mall/me`). */
export type Standing = z.infer<typeof MallStanding>
export type Exchanged = ExchangeView

/** What the button of an offer says, given the customer's standing (undefined: a guest). */
export type OfferState = 'exchange' | 'guest' | 'sold-out' | 'limit' | 'not-enough'

/** The state of an offer's button: sold out first, then the limit, then the points. */
export function offerState(offer: MallOffer, standing: Standing | undefined | null): OfferState {
  if (offer.remaining === 0) return 'sold-out'
  if (!standing) return 'guest'
  if ((standing.exchanged[offer.id] ?? 0) >= offer.perCustomerLimit) return 'limit'
  if (standing.points < offer.points) return 'not-enough'
  return 'exchange'
}

/** The refusal's code without the plugin prefix (`membership:out_of_stock` → `out_of_stock`). */
export const refusalOf = (error: unknown): string =>
  error instanceof ApiError ? error.code.replace(/^(membership|coupons):/, '') : 'failed'
