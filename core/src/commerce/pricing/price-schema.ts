import { z } from '@hono/zod-openapi'

/** One explained price change as the API shows it (negative amounts are discounts). */
export const AdjustmentSchema = z
  .object({
    code: z.string(),
    amount: z.number().int(),
    reason: z.object({ en: z.string(), 'zh-CN': z.string() }),
    lineId: z.string().optional(),
    /** `shipping`: it reduced the shipping fee (free-shipping coupons). */
    target: z.literal('shipping').optional(),
    /** The adjuster's reference for what it applied (the coupon id). */
    ref: z.string().optional(),
  })
  .openapi('PriceAdjustment')
