import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { currentCustomer } from '../../http/session-guards.ts'
import type { CoreServices } from '../../services.ts'
import { lineImageUrls } from '../cart/line-images.ts'
import { AdjustmentSchema } from '../pricing/price-schema.ts'
import { mediaBase } from '../storage/media-url.ts'
import { storageFor } from '../storage/storage.ts'
import { CheckoutInput, DeliveryInput } from './checkout-schema.ts'
import { quoteOrder } from './quote-order.ts'

/** What the checkout page would place: the items (or the cart) and, once chosen, the delivery. */
export const CheckoutPreviewInput = z
  .object({
    items: CheckoutInput.shape.items,
    delivery: DeliveryInput.optional(),
    selections: CheckoutInput.shape.selections,
  })
  .openapi('CheckoutPreviewInput')

const Localized = z.object({ 'zh-CN': z.string().optional(), en: z.string().optional() })

/** The order as it would be placed now, every adjustment explained; nothing is reserved. */
export const CheckoutPreviewSchema = z
  .object({
    currency: z.string(),
    lines: z.array(
      z.object({
        skuId: z.uuid(),
        productId: z.uuid(),
        title: Localized,
        spec: z.record(z.string(), z.string()),
        imageUrl: z.string().nullable(),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        subtotal: z.number().int(),
        discount: z.number().int(),
        total: z.number().int(),
        adjustments: z.array(AdjustmentSchema),
      }),
    ),
    /** Order-level adjustments; line-level ones are on their lines. */
    adjustments: z.array(AdjustmentSchema),
    subtotal: z.number().int(),
    discountTotal: z.number().int(),
    shippingFee: z.number().int(),
    total: z.number().int(),
    /** False until a delivery choice is sent: the fee is then 0 and not yet known. */
    shippingKnown: z.boolean(),
  })
  .openapi('CheckoutPreview')

const preview = createRoute({
  method: 'post',
  path: '/checkout/preview',
  tags: ['store'],
  summary: 'Prices a checkout as it would be placed now, without placing it',
  description:
    'Takes the checkout body without `note` (and `delivery` optional) and answers with the same errors checkout would: 409 naming an item not on sale or short of stock, 422 naming an address the mall does not ship to.',
  request: jsonBody(CheckoutPreviewInput),
  responses: {
    200: json(CheckoutPreviewSchema),
    ...commonErrors,
    409: { description: 'Out of stock or not on sale' },
  },
})

/** `POST /api/store/checkout/preview`: the checkout page's price summary. */
export function checkoutPreviewRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter().openapi(preview, async (c) => {
    const customer = currentCustomer(c)
    const input = c.req.valid('json')
    const body = await c.var.inMall(async (ctx) => {
      const quote = await quoteOrder(ctx, services.plugins, {
        customerId: customer.id,
        items: input.items,
        delivery: input.delivery,
        selections: input.selections,
      })
      const images = await lineImageUrls(
        ctx,
        quote.lines.map((l) => l.sku.imageMediaId),
        { storage, base: mediaBase(c) },
      )
      return {
        currency: quote.priced.currency,
        lines: quote.priced.lines.map((priced, i) => {
          const { sku } = quote.lines[i]!
          return {
            skuId: sku.skuId,
            productId: sku.productId,
            title: sku.title,
            spec: sku.spec,
            imageUrl: (sku.imageMediaId && images.get(sku.imageMediaId)) ?? null,
            quantity: priced.quantity,
            unitPrice: priced.unitPrice,
            subtotal: priced.subtotal,
            discount: priced.discount,
            total: priced.total,
            adjustments: priced.adjustments,
          }
        }),
        adjustments: quote.priced.adjustments,
        subtotal: quote.priced.subtotal,
        discountTotal: quote.priced.discountTotal,
        shippingFee: quote.priced.shippingFee,
        total: quote.priced.total,
        shippingKnown: quote.delivery !== undefined,
      }
    })
    return c.json(body, 200)
  })
}
