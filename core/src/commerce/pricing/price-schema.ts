import { z } from '@hono/zod-openapi'

/** One explained price change as the API shows it (negative amounts are discounts). */
export const AdjustmentSchema = z
  .object({
    code: z.string(),
    amount: z.number().int(),
    reason: z.object({ en: z.string(), 'zh-CN': z.string() }),
    lineId: z.string().optional(),
  })
  .openapi('PriceAdjustment')
