import { storeApi } from '../../../../../tenant-ui/src/shared/api.ts'
import type { CheckoutSectionProps } from '../../../../../tenant-ui/src/blocks/plugin-blocks.ts'

/** Why a held coupon does not apply to this order (`POST /api/store/p/coupons/cart-offers`). */
export type CouponReason =
  | 'outside_scope'
  | 'promotion_not_combinable'
  | 'threshold_not_met'
  | 'no_shipping_fee'
  | 'nothing_to_discount'
  | 'expired'
  | 'not_yet_valid'

/** One coupon the customer holds, priced against this order. */
export interface CouponOffer {
  coupon: { id: string; name: string; validUntil: string }
  /** Minor units saved on goods and shipping; 0 when it does not apply. */
  saving: number
  reason: CouponReason | null
  /** For `threshold_not_met`: how much more to add, minor units. */
  shortBy: number | null
}

/** The customer's coupons for this order: applicable ones by saving, and the one applied by default. */
export interface CouponOffers {
  applicable: CouponOffer[]
  inapplicable: CouponOffer[]
  bestCouponId: string | null
}

/** The coupons for the cart (items undefined) or the bought items, at this shipping fee. */
export function loadCouponOffers(
  base: string,
  items: CheckoutSectionProps['items'],
  shippingFee: number,
): Promise<CouponOffers> {
  return storeApi<CouponOffers>(base, '/p/coupons/cart-offers', {
    method: 'POST',
    body: { ...(items ? { items } : {}), shippingFee },
  })
}
