import { createHash } from 'node:crypto'
import { z } from '@hono/zod-openapi'

/** Delivery to an address of the customer's book, or pickup at one of the mall's points. */
export const DeliveryInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('delivery'), addressId: z.uuid() }),
  z.object({ method: z.literal('pickup'), pickupPointId: z.uuid() }),
])

/** The checkout body: explicit items ("buy now") or, when omitted, the customer's whole cart. */
export const CheckoutInput = z
  .object({
    items: z
      .array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(999) }))
      .min(1)
      .max(100)
      .superRefine((items, ctx) => {
        const seen = new Set<string>()
        items.forEach((item, i) => {
          if (seen.has(item.skuId))
            ctx.addIssue({ code: 'custom', path: [i, 'skuId'], message: 'listed twice' })
          seen.add(item.skuId)
        })
      })
      .optional(),
    delivery: DeliveryInput,
    note: z.string().trim().max(500).default(''),
    /** What the buyer chose per plugin (`{ coupons: { couponId } }`), parsed by each plugin. */
    selections: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('CheckoutInput')
export type CheckoutInput = z.infer<typeof CheckoutInput>

/** `Idempotency-Key`: the client's name for this checkout attempt; retries reuse it. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'required: send an Idempotency-Key header' })
    .min(1)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
})

/**
 * The hash a retry must match: SHA-256 over the normalised body (items sorted by SKU, defaults
 * filled in), so the same order sent with keys in another order or spacing is the same request.
 */
export function checkoutHash(input: CheckoutInput): string {
  const normalised = {
    items: input.items
      ? [...input.items]
          .sort((a, b) => (a.skuId < b.skuId ? -1 : 1))
          .map((i) => [i.skuId, i.quantity])
      : 'cart',
    delivery:
      input.delivery.method === 'delivery'
        ? ['delivery', input.delivery.addressId]
        : ['pickup', input.delivery.pickupPointId],
    note: input.note,
    selections: input.selections ?? null,
  }
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex')
}
