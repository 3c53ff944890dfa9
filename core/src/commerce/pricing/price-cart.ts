import type { MallContext } from '../../context.ts'
import { adjusterStages, type PriceAdjustment, type PricingLine } from '../../plugins/contract.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { summarizePrice, type PricedCart } from './summarize.ts'

/** What to price: the lines at their current unit prices, and how shipping is charged. */
export interface PriceCartInput {
  currency: string
  lines: readonly PricingLine[]
  /** The shipping fee for a discounted subtotal (free-shipping thresholds look at it). */
  shippingFeeFor?: (discountedSubtotal: number) => number
}

/**
 * The checkout pricing pipeline: runs the price adjusters of the plugins enabled for this mall,
 * stage by stage (member price → promotion → coupon → points → stored value), each seeing the
 * adjustments before it, then totals everything with `summarizePrice`. Adjustments that break
 * the contract (not an integer, positive, unknown line) are dropped and logged, never applied.
 */
export async function priceCart(
  ctx: MallContext,
  plugins: PluginHost,
  input: PriceCartInput,
): Promise<PricedCart> {
  const adjustments: PriceAdjustment[] = []
  const lineIds = new Set(input.lines.map((line) => line.id))
  const enabled = new Map<string, boolean>()
  for (const stage of adjusterStages) {
    for (const plugin of plugins.plugins) {
      const adjusters = (plugin.adjusters ?? []).filter((a) => a.stage === stage)
      if (adjusters.length === 0) continue
      const id = plugin.manifest.id
      if (!enabled.has(id)) enabled.set(id, await ctx.isEnabled(id))
      if (!enabled.get(id)) continue
      for (const adjuster of adjusters) {
        const draft = {
          currency: input.currency,
          lines: input.lines,
          adjustments: [...adjustments],
        }
        for (const adjustment of await adjuster.adjust(ctx, draft)) {
          if (isValid(adjustment, lineIds)) adjustments.push(adjustment)
          else
            ctx.log.warn({ plugin: id, adjuster: adjuster.name, adjustment }, 'adjustment dropped')
        }
      }
    }
  }
  return summarizePrice(input.currency, input.lines, adjustments, input.shippingFeeFor)
}

function isValid(adjustment: PriceAdjustment, lineIds: ReadonlySet<string>): boolean {
  return (
    Number.isSafeInteger(adjustment.amount) &&
    adjustment.amount <= 0 &&
    typeof adjustment.code === 'string' &&
    adjustment.code.length > 0 &&
    (adjustment.lineId === undefined || lineIds.has(adjustment.lineId))
  )
}
