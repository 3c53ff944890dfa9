import { summarizePrice, type PriceAdjustment, type PricingDraft } from '@mallkit/core/plugin'
import type { CouponLine } from './coupon-rules.ts'

/** The stage whose adjustments count as automatic promotions for the stacking policy. */
const PROMOTION_STAGE = 'promotion'

/**
 * The draft's lines as the coupon stage sees them: what each costs after the earlier stages
 * (line-level adjustments, plus its share of order-level ones, exactly as checkout totals them),
 * and whether a promotion touched it. An order-level promotion touches every line.
 */
export function couponLines(
  draft: Pick<PricingDraft, 'currency' | 'lines' | 'adjustments'>,
): CouponLine[] {
  const priced = summarizePrice(
    draft.currency,
    draft.lines,
    draft.adjustments.filter((a) => a.target !== 'shipping'),
  )
  const promotions = draft.adjustments.filter(
    (a: PriceAdjustment & { stage?: string }) => a.stage === PROMOTION_STAGE && a.amount < 0,
  )
  const orderPromotion = promotions.some((a) => a.lineId === undefined)
  return draft.lines.map((line, i) => ({
    id: line.id,
    productId: line.productId,
    categoryIds: line.categoryIds,
    amount: priced.lines[i]?.total ?? 0,
    promoted: orderPromotion || promotions.some((a) => a.lineId === line.id),
  }))
}
