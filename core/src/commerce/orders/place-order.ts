import { randomUUID } from 'node:crypto'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { findCart, removeFromCustomerCart } from '../cart/cart-store.ts'
import { loadSkus } from '../inventory/skus.ts'
import { recordReservations, takeStock } from '../inventory/stock.ts'
import { priceCart } from '../pricing/price-cart.ts'
import { resolveDelivery } from '../shipping/resolve-delivery.ts'
import type { CheckoutInput } from './checkout-schema.ts'
import { commerceSettings } from './commerce-settings.ts'
import { assignOrderNumber } from './order-number.ts'
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

/** The lines to buy: the explicit items, or the customer's cart; each with the field to blame. */
async function wantedLines(ctx: MallContext, order: PlaceOrder) {
  if (order.input.items)
    return order.input.items.map((item, i) => ({ ...item, field: `body.items.${i}.skuId` }))
  const cartId = await findCart(ctx, { customerId: order.customerId })
  const rows = cartId
    ? await ctx.db
        .selectFrom('core__cart_line')
        .select(['sku_id', 'quantity'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('cart_id', '=', cartId)
        .orderBy('added_at')
        .orderBy('sku_id')
        .execute()
    : []
  if (rows.length === 0)
    throw new MallError('validation_failed', 'The cart is empty', {
      errors: [{ field: 'body.items', message: 'the cart is empty: send items' }],
    })
  return rows.map((row) => ({
    skuId: row.sku_id,
    quantity: row.quantity,
    field: `cart.items.${row.sku_id}`,
  }))
}

/**
 * Places an order in one transaction: prices the lines through the pipeline, takes the stock
 * (409 naming the line when it runs out: everything rolls back), numbers the order, snapshots
 * lines and delivery, holds it `pending_payment` until the mall's unpaid timeout (a delayed job
 * cancels it then), empties the bought lines from the cart and emits `order.placed`.
 */
export async function placeOrder(
  ctx: MallContext,
  plugins: PluginHost,
  order: PlaceOrder,
): Promise<string> {
  const wanted = await wantedLines(ctx, order)
  const skus = await loadSkus(
    ctx,
    wanted.map((w) => w.skuId),
  )
  const lines = wanted.map((w) => {
    const sku = skus.get(w.skuId)
    if (!sku)
      throw new MallError('validation_failed', 'No such SKU', {
        errors: [{ field: w.field, message: 'unknown SKU' }],
      })
    if (!sku.active)
      throw new MallError('conflict', 'This item is not on sale', {
        errors: [{ field: w.field, message: 'not on sale' }],
      })
    if (w.quantity > sku.stock)
      throw new MallError('conflict', `Only ${sku.stock} in stock`, {
        errors: [{ field: w.field, message: 'out of stock' }],
      })
    return { ...w, sku, id: randomUUID() }
  })
  const delivery = await resolveDelivery(ctx, order.customerId, order.input.delivery, {
    pieces: lines.reduce((sum, l) => sum + l.quantity, 0),
    grams: lines.reduce((sum, l) => sum + l.quantity * l.sku.weightGrams, 0),
  })
  const priced = await priceCart(ctx, plugins, {
    currency: ctx.tenant.currency,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      quantity: l.quantity,
      unitPrice: l.sku.price,
    })),
    shippingFeeFor: delivery.feeFor,
  })

  const settings = await commerceSettings(ctx)
  const now = ctx.now()
  const orderId = randomUUID()
  const expiresAt = new Date(now.getTime() + settings.unpaidTimeoutMinutes * 60_000)
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
      expires_at: expiresAt,
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
  return orderId
}
