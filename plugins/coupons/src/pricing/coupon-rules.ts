import { allocateProportionally } from '@mallkit/core/plugin'
import { z } from 'zod'

/** Money in integer minor units (fen, cents). */
const Money = z.number().int().min(1).max(100_000_000)

/**
 * What a coupon takes off. 满减 (`amount_off_threshold`): `amount` off once the eligible lines
 * reach `threshold`; `amount_off`: `amount` off with no threshold; `percent_off`: `percent` % off
 * the eligible lines (15 = 15 % off, 8.5 折), at most `cap`; `free_shipping`: the shipping fee,
 * at most `cap`.
 */
export const CouponBenefit = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('amount_off_threshold'), threshold: Money, amount: Money })
    .refine((b) => b.amount < b.threshold, {
      message: 'must be less than the threshold',
      path: ['amount'],
    }),
  z.object({ kind: z.literal('amount_off'), amount: Money }),
  z.object({
    kind: z.literal('percent_off'),
    percent: z.number().int().min(1).max(99),
    cap: Money.nullable().default(null),
  }),
  z.object({ kind: z.literal('free_shipping'), cap: Money.nullable().default(null) }),
])
export type CouponBenefit = z.infer<typeof CouponBenefit>
export type CouponKind = CouponBenefit['kind']

/** Which products a coupon applies to; `excludedProductIds` win over everything else. */
export const CouponScope = z.object({
  kind: z.enum(['all', 'categories', 'products']).default('all'),
  categoryIds: z.array(z.uuid()).max(200).default([]),
  productIds: z.array(z.uuid()).max(500).default([]),
  excludedProductIds: z.array(z.uuid()).max(500).default([]),
})
export type CouponScope = z.infer<typeof CouponScope>

/** The part of a coupon pricing needs. */
export interface CouponRule {
  benefit: CouponBenefit
  scope: CouponScope
  /** When false, lines an automatic promotion discounted are left out (see the README). */
  combinableWithPromotions: boolean
}

/** A cart line as the coupon stage sees it, after member price and promotions. */
export interface CouponLine {
  id: string
  productId: string
  /** The product's category and its ancestors. */
  categoryIds: readonly string[]
  /** What the line costs after the earlier stages, in minor units (≥ 0). */
  amount: number
  /** Whether an automatic promotion took something off this line. */
  promoted: boolean
}

/** Why a coupon does not apply to a cart. */
export type InapplicableReason =
  | 'outside_scope'
  | 'promotion_not_combinable'
  | 'threshold_not_met'
  | 'no_shipping_fee'
  | 'nothing_to_discount'

/** A coupon priced against a cart: what it saves and where, or why it does not apply. */
export type CouponQuote =
  | {
      applicable: true
      /** Taken off the goods; equals the sum of `allocation`. */
      discount: number
      /** Per line id, its share of `discount` (lines outside the coupon get none). */
      allocation: { lineId: string; amount: number }[]
      /** Taken off the shipping fee (free-shipping coupons). */
      shippingDiscount: number
      /** `discount + shippingDiscount`: what the buyer saves, to pick the best coupon by. */
      saving: number
    }
  | {
      applicable: false
      reason: InapplicableReason
      /** For threshold_not_met. */ shortBy?: number
    }

/** Whether the coupon's scope covers the line (exclusions first). */
export function inScope(scope: CouponScope, line: Pick<CouponLine, 'productId' | 'categoryIds'>) {
  if (scope.excludedProductIds.includes(line.productId)) return false
  if (scope.kind === 'products') return scope.productIds.includes(line.productId)
  if (scope.kind === 'categories')
    return line.categoryIds.some((id) => scope.categoryIds.includes(id))
  return true
}

/**
 * Prices one coupon against the cart as the earlier stages left it (the stacking policy of the
 * README): only lines in scope count, and when the coupon is not combinable with promotions, only
 * lines no promotion touched; the threshold and the percentage apply to what those lines cost now.
 * Every paid line keeps at least one minor unit, so the payable amount of paid items never drops
 * below one: the discount is capped at Σ(amount − 1) of the eligible lines and split over them by
 * largest remainder in proportion to (amount − 1), so no share exceeds its line's limit.
 */
export function priceCoupon(
  rule: CouponRule,
  lines: readonly CouponLine[],
  shippingFee: number,
): CouponQuote {
  const scoped = lines.filter((line) => inScope(rule.scope, line))
  if (scoped.length === 0) return { applicable: false, reason: 'outside_scope' }
  const eligible = rule.combinableWithPromotions ? scoped : scoped.filter((line) => !line.promoted)
  if (eligible.length === 0) return { applicable: false, reason: 'promotion_not_combinable' }
  const base = eligible.reduce((sum, line) => sum + line.amount, 0)
  const { benefit } = rule

  if (benefit.kind === 'free_shipping') {
    if (shippingFee <= 0) return { applicable: false, reason: 'no_shipping_fee' }
    const shippingDiscount = Math.min(shippingFee, benefit.cap ?? shippingFee)
    return {
      applicable: true,
      discount: 0,
      allocation: [],
      shippingDiscount,
      saving: shippingDiscount,
    }
  }
  if (benefit.kind === 'amount_off_threshold' && base < benefit.threshold)
    return { applicable: false, reason: 'threshold_not_met', shortBy: benefit.threshold - base }

  const wanted =
    benefit.kind === 'percent_off'
      ? Math.min(Math.floor((base * benefit.percent) / 100), benefit.cap ?? Infinity)
      : benefit.amount
  const eligibleIds = new Set(eligible.map((line) => line.id))
  const weights = lines.map((line) => (eligibleIds.has(line.id) ? Math.max(line.amount - 1, 0) : 0))
  const room = weights.reduce((sum, w) => sum + w, 0)
  const discount = Math.min(wanted, room)
  if (discount <= 0) return { applicable: false, reason: 'nothing_to_discount' }
  const shares = allocateProportionally(weights, discount)
  const allocation = lines
    .map((line, i) => ({ lineId: line.id, amount: shares[i] ?? 0 }))
    .filter((share) => share.amount > 0)
  return { applicable: true, discount, allocation, shippingDiscount: 0, saving: discount }
}
