import type { MallContext } from '../../context.ts'
import type { PricedCheckout } from '../pricing/price-cart.ts'
import { succeedPayment } from './apply-notification.ts'
import './events.ts'

/**
 * The provider name of the payment that settles an order with nothing to pay (points, stored
 * value and coupons covered it all). No gateway is involved: it is recorded succeeded at placement
 * and refunded without asking anyone.
 */
export const NO_PAYMENT_PROVIDER = 'none'

/**
 * The value refunds of an order settled without payment are measured against: what the
 * `stored-value` stage paid (the customer's own money, so "refund ¥45" gives ¥45 back), or, when
 * only discounts covered the order, its value before them. Plugins give back `amount / this` of
 * what the order took (`payment.refunded`'s `paymentAmount`).
 */
export function settlementValue(priced: PricedCheckout): number {
  const tendered = priced.runs
    .filter((run) => run.adjuster.stage === 'stored-value')
    .flatMap((run) => run.adjustments)
    .reduce((sum, a) => sum - a.amount, 0)
  return tendered > 0 ? tendered : priced.subtotal + priced.shippingFee + priced.shippingDiscount
}

/**
 * Settles a just-placed order whose total is 0, in the placing transaction: records a payment of
 * the `none` provider for `value` (see `settlementValue`) and succeeds it through the same path
 * as a provider's confirmation (`succeedPayment`), so the order is paid, its stock consumed, and
 * `payment.succeeded` and `order.paid` are emitted exactly as for a paid order.
 */
export async function settleWithoutPayment(
  ctx: MallContext,
  order: { orderId: string; currency: string; value: number },
): Promise<void> {
  const now = ctx.now()
  const row = await ctx.db
    .insertInto('core__payment')
    .values({
      tenant_id: ctx.tenant.id,
      order_id: order.orderId,
      provider: NO_PAYMENT_PROVIDER,
      status: 'pending',
      // The column refuses 0: an order of free goods shipped free is settled for one minor unit
      // of value, which only ever measures shares of a refund (no money moves).
      amount: Math.max(1, order.value),
      currency: order.currency,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await succeedPayment(ctx, { ...row, amount: Number(row.amount) }, null, now, 0)
}
