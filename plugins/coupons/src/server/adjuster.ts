import {
  pluginDb,
  type MallContext,
  type PriceAdjuster,
  type PriceAdjustment,
} from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { couponError } from './errors.ts'
import { appendLedger } from './issue.ts'
import type { CouponSelection } from './schemas.ts'
import type { CouponTables } from './tables.ts'
import { offersFor, type CartOffer } from './wallet.ts'

const SELECTION_FIELD = 'body.selections.coupons.couponId'

function adjustmentsOf(offer: CartOffer): PriceAdjustment[] {
  if (!offer.quote.applicable) return []
  const name = offer.coupon.name
  const reason = { en: `Coupon: ${name}`, 'zh-CN': `优惠券：${name}` }
  const goods = offer.quote.allocation.map((share) => ({
    code: 'coupon',
    amount: -share.amount,
    reason,
    lineId: share.lineId,
    ref: offer.coupon.id,
  }))
  const shipping: PriceAdjustment[] =
    offer.quote.shippingDiscount > 0
      ? [
          {
            code: 'coupon-shipping',
            amount: -offer.quote.shippingDiscount,
            reason: { en: `Free shipping: ${name}`, 'zh-CN': `免运费：${name}` },
            target: 'shipping',
            ref: offer.coupon.id,
          },
        ]
      : []
  return [...goods, ...shipping]
}

/**
 * The coupon stage of checkout: one coupon per order, the one the buyer chose
 * (`selections.coupons.couponId`; null for none) or, when they chose nothing, the one saving the
 * most. A chosen coupon that does not apply refuses the checkout naming the field; the discount is
 * split over the lines it covers, so every line shows its share.
 */
export const couponAdjuster: PriceAdjuster = {
  name: 'coupon',
  stage: 'coupon',
  async adjust(ctx, draft) {
    if (!draft.customerId) return []
    const selection = draft.selection as CouponSelection | undefined
    if (selection?.couponId === null) return []
    const { offers, best } = await offersFor(ctx, draft.customerId, draft)
    if (!selection)
      return (await ctx.settingsOf(manifest)).preselectBest && best ? adjustmentsOf(best) : []
    const chosen = offers.find((offer) => offer.coupon.id === selection.couponId)
    if (!chosen)
      throw couponError('not_usable', 'This coupon is not yours to use', {
        errors: [{ field: SELECTION_FIELD, message: 'not one of your usable coupons' }],
      })
    if (chosen.reason)
      throw couponError(
        'not_usable',
        `${chosen.coupon.name} cannot be used on this order: ${chosen.reason.replaceAll('_', ' ')}`,
        {
          errors: [{ field: SELECTION_FIELD, message: chosen.reason }],
        },
      )
    return adjustmentsOf(chosen)
  },
  place: (ctx, placed) => lockCoupon(ctx, placed),
}

/**
 * Locks the coupon the order used, in the order-placing transaction: a conditional update, so of
 * two orders placed at once with the same coupon exactly one gets it and the other is refused
 * (409 `coupons:not_usable`, rolling its order back).
 */
async function lockCoupon(
  ctx: MallContext,
  placed: { orderId: string; customerId: string; adjustments: readonly PriceAdjustment[] },
) {
  const couponId = placed.adjustments.find((a) => a.ref)?.ref
  if (!couponId) return
  const discount = placed.adjustments.reduce((sum, a) => sum - a.amount, 0)
  const now = ctx.now()
  const locked = await pluginDb<CouponTables>(ctx)
    .updateTable('coupons__coupon')
    .set({ status: 'locked', order_id: placed.orderId, discount, updated_at: now })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', couponId)
    .where('customer_id', '=', placed.customerId)
    .where('status', 'in', ['available', 'returned'])
    .where('valid_from', '<=', now)
    .where('valid_until', '>', now)
    .returning(['id', 'template_id'])
    .executeTakeFirst()
  if (!locked)
    throw couponError('not_usable', 'This coupon was just used on another order', {
      errors: [{ field: SELECTION_FIELD, message: 'no longer available' }],
    })
  await appendLedger(ctx, locked, 'locked', { orderId: placed.orderId, amount: discount })
}
