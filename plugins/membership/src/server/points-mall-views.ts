import { z } from '@hono/zod-openapi'

/* What the points mall's store routes answer: zod only, so the block can import the types. */

/** An item as customers see it (public, the same for everyone). */
export const PublicMallItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(['coupon']),
    name: z.string(),
    points: z.number().int(),
    /** What is left; null when the stock is unlimited. */
    remaining: z.number().int().nullable(),
    perCustomerLimit: z.number().int(),
  })
  .openapi('PointsMallOffer')
export type PublicMallItem = z.infer<typeof PublicMallItem>

/** What the signed-in customer can spend and has exchanged, per item. */
export const MallStanding = z
  .object({
    points: z.number().int(),
    /** Exchanges so far per item id (items never exchanged are left out). */
    exchanged: z.record(z.string(), z.number().int()),
  })
  .openapi('PointsMallStanding')

export const ExchangeView = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    points: z.number().int(),
    /** The customer's points after the exchange. */
    balance: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PointsMallExchange')
export type ExchangeView = z.infer<typeof ExchangeView>
