import { randomUUID } from 'node:crypto'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { customerCartItems } from '../cart/cart-store.ts'
import { loadSkus, type SkuInfo } from '../inventory/skus.ts'
import { priceCart, type PricedCheckout } from '../pricing/price-cart.ts'
import {
  resolveDelivery,
  type DeliveryChoice,
  type ResolvedDelivery,
} from '../shipping/resolve-delivery.ts'
import type { CheckoutInput } from './checkout-schema.ts'

/** What to quote: explicit items ("buy now") or the customer's cart, and maybe a delivery choice. */
export interface QuoteRequest {
  customerId: string
  items?: CheckoutInput['items'] | undefined
  delivery?: DeliveryChoice | undefined
  /** The checkout's per-plugin choices (a coupon), for the plugins' price adjusters. */
  selections?: CheckoutInput['selections']
}

/** One line to buy: the SKU as it is now, a fresh line id, and the field to blame for it. */
export interface QuotedLine {
  id: string
  skuId: string
  quantity: number
  field: string
  sku: SkuInfo
}

/** A checkout priced as it would be placed now; without a delivery choice, shipping is 0. */
export interface OrderQuote {
  lines: QuotedLine[]
  priced: PricedCheckout
  delivery: ResolvedDelivery | undefined
}

/** The lines to buy: the explicit items, or the customer's cart; each with the field to blame. */
async function wantedLines(ctx: MallContext, request: QuoteRequest) {
  if (request.items)
    return request.items.map((item, i) => ({ ...item, field: `body.items.${i}.skuId` }))
  const items = await customerCartItems(ctx, request.customerId)
  if (items.length === 0)
    throw new MallError('validation_failed', 'The cart is empty', {
      errors: [{ field: 'body.items', message: 'the cart is empty: send items' }],
    })
  return items.map((item) => ({ ...item, field: `cart.items.${item.skuId}` }))
}

/**
 * Prices a checkout exactly as `placeOrder` will: the lines (409 naming the line when one is not
 * on sale or short of stock), the delivery choice (422 naming it) and the pricing pipeline with
 * the shipping fee. Reads only, so the storefront can show the summary before placing.
 */
export async function quoteOrder(
  ctx: MallContext,
  plugins: PluginHost,
  request: QuoteRequest & { delivery: DeliveryChoice },
): Promise<OrderQuote & { delivery: ResolvedDelivery }>
export async function quoteOrder(
  ctx: MallContext,
  plugins: PluginHost,
  request: QuoteRequest,
): Promise<OrderQuote>
export async function quoteOrder(
  ctx: MallContext,
  plugins: PluginHost,
  request: QuoteRequest,
): Promise<OrderQuote> {
  const wanted = await wantedLines(ctx, request)
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
  const delivery =
    request.delivery &&
    (await resolveDelivery(ctx, request.customerId, request.delivery, {
      pieces: lines.reduce((sum, l) => sum + l.quantity, 0),
      grams: lines.reduce((sum, l) => sum + l.quantity * l.sku.weightGrams, 0),
    }))
  const priced = await priceCart(ctx, plugins, {
    currency: ctx.tenant.currency,
    customerId: request.customerId,
    selections: request.selections,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      quantity: l.quantity,
      unitPrice: l.sku.price,
    })),
    ...(delivery ? { shippingFeeFor: delivery.feeFor } : {}),
  })
  return { lines, priced, delivery }
}
