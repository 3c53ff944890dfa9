import { z } from '@hono/zod-openapi'
import type { MallContext, PluginPricing } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { TierView } from './views.ts'

const Int = z.number().int()

/** A plan of the paid card on sale: its length and what its SKU costs now (minor units). */
export const CardPlanView = z
  .object({
    id: z.enum(['monthly', 'quarterly', 'yearly']),
    days: Int,
    skuId: z.uuid(),
    price: Int,
  })
  .openapi('MembershipCardPlan')

/**
 * The mall's membership programme as every visitor sees it: tiers with their thresholds and
 * benefits, how growth and points are earned, redemption, stored value and the paid card. Nothing
 * personal, so the answer is the same for everyone (and cacheable).
 */
export const ProgramView = z
  .object({
    currency: z.string(),
    /** Lowest first; `growth` is the threshold within the evaluation period. */
    tiers: z.array(TierView),
    growth: z.object({ perYuan: Int, evaluationDays: Int }),
    points: z.object({
      perYuan: Int,
      registration: Int,
      expire: z.boolean(),
      /** Points per shared page (once per page a day), up to `dailyCap` shares a day; 0 is off. */
      share: z.object({ points: Int, dailyCap: Int }),
    }),
    checkIn: z.object({
      points: Int,
      streakDays: Int,
      streakBonus: Int,
      makeUp: z.object({ perMonth: Int, withinDays: Int, cost: Int }),
    }),
    redemption: z.object({
      enabled: z.boolean(),
      /** Points that make ¥1 (100 minor units) off. */
      pointsPerYuan: Int,
      /** At most this percent of the goods may be paid with points. */
      maxSharePercent: Int,
    }),
    storedValue: z.object({ enabled: z.boolean(), cap: Int }),
    card: z.object({
      enabled: z.boolean(),
      trialDays: Int,
      discountPercent: Int,
      pointsMultiplierBonus: z.number(),
      /** The plans on sale: a SKU set in the settings and active in the catalog. */
      plans: z.array(CardPlanView),
    }),
  })
  .openapi('MembershipProgram')
export type ProgramView = z.infer<typeof ProgramView>

/**
 * The programme from the mall's settings; the card plans' prices come from the catalog through
 * the core's pricing tools (the list price, before any member price: the same for everyone).
 */
export async function programView(ctx: MallContext, pricing: PluginPricing): Promise<ProgramView> {
  const settings = await ctx.settingsOf(manifest)
  const { points, checkIn, card } = settings
  const skuIds = card.enabled ? card.plans.flatMap((plan) => (plan.skuId ? [plan.skuId] : [])) : []
  const prices = new Map<string, number>()
  if (skuIds.length > 0) {
    const draft = await pricing.draftBefore(ctx, 'member-price', {
      items: skuIds.map((skuId) => ({ skuId, quantity: 1 })),
    })
    for (const line of draft.lines) prices.set(line.skuId, line.unitPrice)
  }
  return {
    currency: ctx.tenant.currency,
    // Field by field: what the settings keep besides (coupon ids…) is not for every visitor.
    tiers: settings.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      growth: tier.growth,
      discountPercent: tier.discountPercent,
      freeShippingThreshold: tier.freeShippingThreshold,
      pointsMultiplier: tier.pointsMultiplier,
      birthdayPoints: tier.birthdayPoints,
    })),
    growth: {
      perYuan: settings.growth.perYuan,
      evaluationDays: settings.growth.evaluationDays,
    },
    points: {
      perYuan: points.perYuan,
      registration: points.registration,
      expire: points.expire,
      // Settings saved before sharing existed may lack the fields: off, as by default.
      share: { points: points.share ?? 0, dailyCap: points.shareDailyCap ?? 3 },
    },
    checkIn: {
      points: checkIn.points,
      streakDays: checkIn.streakDays,
      streakBonus: checkIn.streakBonus,
      makeUp: {
        perMonth: checkIn.makeUpPerMonth,
        withinDays: checkIn.makeUpWithinDays,
        cost: checkIn.makeUpCost,
      },
    },
    redemption: {
      enabled: settings.redemption.enabled,
      pointsPerYuan: settings.redemption.pointsPerYuan,
      maxSharePercent: settings.redemption.maxSharePercent,
    },
    storedValue: { enabled: settings.storedValue.enabled, cap: settings.storedValue.cap },
    card: {
      enabled: card.enabled,
      trialDays: card.trialDays,
      discountPercent: card.discountPercent,
      pointsMultiplierBonus: card.pointsMultiplierBonus,
      plans: card.plans.flatMap((plan) => {
        const price = plan.skuId ? prices.get(plan.skuId) : undefined
        return plan.skuId && price !== undefined && card.enabled
          ? [{ id: plan.id, days: plan.days, skuId: plan.skuId, price }]
          : []
      }),
    },
  }
}
