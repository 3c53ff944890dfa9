import { randomUUID } from 'node:crypto'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { removeFromCustomerCart } from '../cart/cart-store.ts'
import { recordReservations, takeStock } from '../inventory/stock.ts'
import type { CheckoutInput } from './checkout-schema.ts'
import { commerceSettings } from './commerce-settings.ts'
import { assignOrderNumber } from './order-number.ts'
import { placeAdjustments } from '../pricing/price-cart.ts'
import { settlementValue, settleWithoutPayment } from '../payments/settle-without-payment.ts'
import { quoteOrder } from './quote-order.ts'
import './events.ts'

/** Who places which order under which idempotency key. */
export interface PlaceOrder {
  customerId: string
  idempotencyKey: string
  requestHash: string
  input: CheckoutInput
}

/** The job that cancels an order still unpaid when its time is up. */
export const ORDER_EXPIRE_JOB = 'core:order-expire'

/**
 * The customer's order under `key`, if any: the same request gets it back; the same key with a
 * different request is a 422 naming the header.
 */
export async function orderByIdempotencyKey(
  ctx: MallContext,
  customerId: string,
  key: string,
  requestHash: string,
): Promise<string | undefined> {
  const found = await ctx.db
    .selectFrom('core__order')
    .select(['id', 'request_hash'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
  if (found && found.request_hash !== requestHash)
    throw new MallError(
      'validation_failed',
      'This Idempotency-Key was used for a different order',
      {
        errors: [
          { field: 'header.idempotency-key', message: 'already used with a different body' },
        ],
      },
    )
  return found?.id
}

/**
 * Places an order in one transaction: prices the lines through the pipeline, takes the stock
 * (409 naming the line when it runs out: everything rolls back), numbers the order, snapshots
 * lines and delivery, holds it `pending_payment` until the mall's unpaid timeout (a delayed job
 * cancels it then), empties the bought lines from the cart and emits `order.placed`. An order the
 * pipeline left nothing to pay for (points, stored value, coupons) is settled at once, in the same
 * transaction: paid exactly as a paid order, `order.paid` and all (`settleWithoutPayment`).
 */
export async function placeOrder(
  ctx: MallContext,
  plugins: PluginHost,
  order: PlaceOrder,
): Promise<string> {
  const { lines, priced, delivery } = await quoteOrder(ctx, plugins, {
    customerId: order.customerId,
    items: order.input.items,
    delivery: order.input.delivery,
    selections: order.input.selections,
  })

  const settings = await commerceSettings(ctx)
  const now = ctx.now()
  const orderId = randomUUID()
  const expiresAt = new Date(now.getTime() + settings.unpaidTimeoutMinutes * 60_000)
  const settled = priced.total === 0
  // A concurrent request with the same idempotency key waits here, on the unique index, and
  // fails once this one commits; the number is a placeholder until the hot rows are taken.
  await ctx.db
    .insertInto('core__order')
    .values({
      tenant_id: ctx.tenant.id,
      id: orderId,
      number: `pending-${orderId}`,
      customer_id: order.customerId,
      status: 'pending_payment',
      currency: priced.currency,
      subtotal: priced.subtotal,
      discount_total: priced.discountTotal,
      shipping_fee: priced.shippingFee,
      total: priced.total,
      adjustments: JSON.stringify([
        ...priced.adjustments,
        ...priced.lines.flatMap((l) => l.adjustments),
      ]),
      delivery: JSON.stringify(delivery.snapshot),
      note: order.input.note,
      idempotency_key: order.idempotencyKey,
      request_hash: order.requestHash,
      expires_at: settled ? null : expiresAt,
      placed_at: now,
    })
    .execute()
  await ctx.db
    .insertInto('core__order_line')
    .values(
      priced.lines.map((p, i) => {
        const line = lines[i]!
        return {
          tenant_id: ctx.tenant.id,
          order_id: orderId,
          id: line.id,
          sku_id: line.skuId,
          product_id: line.sku.productId,
          title: JSON.stringify(line.sku.title),
          spec: JSON.stringify(line.sku.spec),
          image_media_id: line.sku.imageMediaId,
          quantity: line.quantity,
          unit_price: line.sku.price,
          subtotal: p.subtotal,
          discount: p.discount,
          total: p.total,
          after_sales: JSON.stringify(line.sku.afterSales),
          position: i,
        }
      }),
    )
    .execute()
  // Plugins commit what priced the order (a coupon is locked to it) in this transaction.
  await placeAdjustments(ctx, priced, { orderId, customerId: order.customerId })
  await ctx.db
    .insertInto('core__order_transition')
    .values({
      tenant_id: ctx.tenant.id,
      order_id: orderId,
      from_status: null,
      to_status: 'pending_payment',
      actor_kind: 'customer',
      actor_id: order.customerId,
      data: '{}',
      created_at: now,
    })
    .execute()
  // Lines hold distinct SKUs (the body refuses duplicates, cart lines are per SKU).
  await recordReservations(ctx, orderId, lines)
  if (!settled)
    await ctx.enqueue(
      ORDER_EXPIRE_JOB,
      { orderId },
      { runAt: expiresAt, dedupKey: `${ORDER_EXPIRE_JOB}:${orderId}` },
    )
  if (!order.input.items)
    await removeFromCustomerCart(
      ctx,
      order.customerId,
      lines.map((l) => l.skuId),
    )

  // The hot rows last, so their locks are held as briefly as possible: the SKUs' stock, then the
  // mall's order counter; both stay locked until commit.
  await takeStock(ctx, lines)
  const number = await assignOrderNumber(ctx, orderId)
  await ctx.emit('order.placed', {
    orderId,
    number,
    customerId: order.customerId,
    total: priced.total,
    currency: priced.currency,
  })
  if (settled)
    await settleWithoutPayment(ctx, {
      orderId,
      currency: priced.currency,
      value: settlementValue(priced),
    })
  return orderId
}
