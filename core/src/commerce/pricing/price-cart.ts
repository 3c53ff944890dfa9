import type { z } from 'zod'
import type { MallContext } from '../../context.ts'
import { fieldErrorsFromZod, validationError } from '../../http/errors.ts'
import {
  adjusterStages,
  type AdjusterStage,
  type PlacedAdjustments,
  type PriceAdjuster,
  type PriceAdjustment,
  type PricingDraft,
  type PricingLine,
} from '../../plugins/contract.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { catalogFacts } from './catalog-facts.ts'
import { summarizePrice, type PricedCart } from './summarize.ts'

/** What to price: the lines at their current unit prices, and how shipping is charged. */
export interface PriceCartInput {
  currency: string
  lines: readonly PricingLine[]
  /** The shipping fee for a discounted subtotal (free-shipping thresholds look at it). */
  shippingFeeFor?: (discountedSubtotal: number) => number
  /** The buyer; defaults to the context's actor when that is a customer. */
  customerId?: string | null
  /**
   * The checkout body's `selections`: per plugin id, what the buyer chose (a coupon). Parsed by
   * each plugin's `selection` schema; entries of plugins that are off or absent are ignored.
   */
  selections?: Readonly<Record<string, unknown>> | undefined
}

/** One adjuster's part of a priced cart: what `placeAdjustments` hands back to it. */
export interface AdjusterRun {
  pluginId: string
  adjuster: PriceAdjuster
  draft: PricingDraft
  /** Its adjustments; in a priced cart, as `summarizePrice` applied them (capped). */
  adjustments: PriceAdjustment[]
}

/** A priced cart that remembers which adjuster produced which adjustment. */
export interface PricedCheckout extends PricedCart {
  runs: AdjusterRun[]
}

/**
 * The checkout pricing pipeline: runs the price adjusters of the plugins enabled for this mall,
 * stage by stage (member price → promotion → coupon → points → stored value), each seeing the
 * adjustments before it, the buyer, the shipping fee so far and its plugin's selection, then totals
 * everything with `summarizePrice`. Adjustments that break the contract (not an integer,
 * positive, unknown line) are dropped and logged, never applied. A selection that does not parse
 * is a 422 naming `body.selections.<plugin id>.…`.
 */
export async function priceCart(
  ctx: MallContext,
  plugins: PluginHost,
  input: PriceCartInput,
): Promise<PricedCheckout> {
  const { adjustments, runs } = await runAdjusters(ctx, plugins, input)
  const priced = summarizePrice(input.currency, input.lines, adjustments, input.shippingFeeFor)
  return { ...priced, runs: runs.map((run) => ({ ...run, adjustments: applied(priced, run) })) }
}

/**
 * The cart as `stage` of the pipeline sees it: the adjusters of the stages before it run as in
 * `priceCart`; used to preview a stage's offers ("coupons for this cart").
 */
export async function pricingDraftBefore(
  ctx: MallContext,
  plugins: PluginHost,
  stage: AdjusterStage,
  input: PriceCartInput,
): Promise<PricingDraft> {
  const { adjustments, staged, lines, customerId } = await runAdjusters(ctx, plugins, input, stage)
  const priced = summarizePrice(input.currency, input.lines, adjustments, input.shippingFeeFor)
  return {
    currency: input.currency,
    lines: lines ?? (await withCatalogFacts(ctx, input.lines)),
    adjustments: staged,
    customerId,
    shippingFee: priced.shippingFee + priced.shippingDiscount,
    selection: undefined,
  }
}

/**
 * Runs the enabled plugins' adjusters stage by stage, before `stopBefore` when given. Catalog
 * facts are loaded only once an adjuster needs them (`lines` stays undefined otherwise).
 */
async function runAdjusters(
  ctx: MallContext,
  plugins: PluginHost,
  input: PriceCartInput,
  stopBefore?: AdjusterStage,
) {
  const adjustments: PriceAdjustment[] = []
  const staged: PricingDraft['adjustments'][number][] = []
  const runs: AdjusterRun[] = []
  const lineIds = new Set(input.lines.map((line) => line.id))
  const enabled = new Map<string, boolean>()
  const customerId =
    input.customerId !== undefined
      ? input.customerId
      : ctx.actor.kind === 'customer'
        ? ctx.actor.id
        : null
  const selections = new Map<string, unknown>()
  let lines: PricingDraft['lines'] | undefined
  for (const stage of adjusterStages) {
    if (stage === stopBefore) break
    for (const plugin of plugins.plugins) {
      const adjusters = (plugin.adjusters ?? []).filter((a) => a.stage === stage)
      if (adjusters.length === 0) continue
      const id = plugin.manifest.id
      if (!enabled.has(id)) enabled.set(id, await ctx.isEnabled(id))
      if (!enabled.get(id)) continue
      if (!selections.has(id)) selections.set(id, parseSelection(plugin.selection, id, input))
      lines ??= await withCatalogFacts(ctx, input.lines)
      for (const adjuster of adjusters) {
        const sofar = summarizePrice(input.currency, input.lines, adjustments, input.shippingFeeFor)
        const draft: PricingDraft = {
          currency: input.currency,
          lines,
          adjustments: [...staged],
          customerId,
          shippingFee: sofar.shippingFee,
          selection: selections.get(id),
        }
        const run: AdjusterRun = { pluginId: id, adjuster, draft, adjustments: [] }
        for (const adjustment of await adjuster.adjust(ctx, draft)) {
          if (isValid(adjustment, lineIds)) {
            adjustments.push(adjustment)
            staged.push({ ...adjustment, stage })
            run.adjustments.push(adjustment)
          } else
            ctx.log.warn({ plugin: id, adjuster: adjuster.name, adjustment }, 'adjustment dropped')
        }
        if (run.adjustments.length) runs.push(run)
      }
    }
  }
  return { adjustments, staged, runs, lines, customerId }
}

/**
 * The `place` step of the pipeline, in the order-placing transaction once the order row exists:
 * every adjuster that applied something takes what it consumes (a coupon is locked to the order).
 * An adjuster that throws refuses the order; the caller's transaction rolls everything back.
 */
export async function placeAdjustments(
  ctx: MallContext,
  priced: PricedCheckout,
  order: { orderId: string; customerId: string },
): Promise<void> {
  for (const run of priced.runs) {
    if (!run.adjuster.place) continue
    const placed: PlacedAdjustments = { ...order, draft: run.draft, adjustments: run.adjustments }
    await run.adjuster.place(ctx, placed)
  }
}

/** A run's adjustments as `summarizePrice` applied them (amounts capped where the cart ran out). */
function applied(priced: PricedCart, run: AdjusterRun): PriceAdjustment[] {
  const all = [...priced.adjustments, ...priced.lines.flatMap((line) => line.adjustments)]
  return run.adjustments.map((wanted) => {
    const index = all.findIndex(
      (a) =>
        a.code === wanted.code &&
        a.lineId === wanted.lineId &&
        a.target === wanted.target &&
        a.ref === wanted.ref,
    )
    const [found] = index >= 0 ? all.splice(index, 1) : []
    return found ?? { ...wanted, amount: 0 }
  })
}

function parseSelection(
  schema: z.ZodType | undefined,
  pluginId: string,
  input: PriceCartInput,
): unknown {
  const raw = input.selections?.[pluginId]
  if (!schema || raw === undefined) return undefined
  const parsed = schema.safeParse(raw)
  if (!parsed.success)
    throw validationError(fieldErrorsFromZod(parsed.error.issues, `body.selections.${pluginId}`))
  return parsed.data
}

async function withCatalogFacts(
  ctx: MallContext,
  lines: readonly PricingLine[],
): Promise<PricingDraft['lines']> {
  const missing = lines.filter((line) => !line.productId || !line.categoryIds)
  const facts = missing.length
    ? await catalogFacts(
        ctx,
        missing.map((line) => line.skuId),
      )
    : new Map()
  return lines.map((line) => {
    const fact = facts.get(line.skuId)
    return {
      ...line,
      productId: line.productId ?? fact?.productId ?? '',
      categoryIds: line.categoryIds ?? fact?.categoryIds ?? [],
    }
  })
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
