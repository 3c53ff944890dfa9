import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import '../events.ts'
import { manifest, type MembershipSettings, type TierSetting } from '../manifest.ts'
import { lockAccount, post, type AccountRow } from './ledger.ts'
import type { MembershipTables } from './tables.ts'

const DAY_MS = 86_400_000

/** The tier an account is in; one no longer configured counts as the lowest. */
export function tierOf(settings: MembershipSettings, id: string): TierSetting {
  return settings.tiers.find((tier) => tier.id === id) ?? (settings.tiers[0] as TierSetting)
}

/** The highest tier `growth` reaches. */
export function tierForGrowth(settings: MembershipSettings, growth: number): TierSetting {
  return settings.tiers.reduce((best, tier) => (growth >= tier.growth ? tier : best))
}

/** The next tier up and the growth still missing, or null at the top. */
export function nextTier(settings: MembershipSettings, id: string, growth: number) {
  const index = settings.tiers.indexOf(tierOf(settings, id))
  const next = settings.tiers[index + 1]
  return next ? { tier: next, missing: Math.max(0, next.growth - growth) } : null
}

const rank = (settings: MembershipSettings, id: string) =>
  settings.tiers.indexOf(tierOf(settings, id))

/** Growth earned in the evaluation period ending now: what decides tiers. */
export async function periodGrowth(
  ctx: MallContext,
  customerId: string,
  settings: MembershipSettings,
): Promise<number> {
  const since = new Date(ctx.now().getTime() - settings.growth.evaluationDays * DAY_MS)
  const row = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__growth_entry')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.lit(0)).as('total'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  return Math.max(0, Number(row.total))
}

async function moveTier(
  ctx: MallContext,
  account: AccountRow,
  to: string,
  direction: 'up' | 'down' | 'confirm',
) {
  await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__account')
    .set({ tier: to, tier_since: ctx.now(), updated_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', account.customer_id)
    .execute()
  if (direction !== 'confirm')
    await ctx.emit('membership.tier-changed', {
      customerId: account.customer_id,
      from: account.tier,
      to,
      direction,
    })
}

/**
 * Adds growth (an order completed, staff adjusted it) and upgrades the customer at once when the
 * period's growth reaches a higher tier. Lowering growth never downgrades here: that waits for the
 * evaluation (`evaluateTier`). Returns whether the key took effect now.
 */
export async function addGrowth(
  ctx: MallContext,
  posting: {
    customerId: string
    delta: number
    key: string
    kind: 'earn' | 'reverse' | 'adjust'
    orderId?: string | null
    reason?: string
  },
): Promise<boolean> {
  if (posting.delta === 0) return false
  const { created } = await post(ctx, 'growth', { ...posting, clamp: true })
  if (!created || posting.delta < 0) return created
  const settings = await ctx.settingsOf(manifest)
  const account = await lockAccount(ctx, posting.customerId)
  const target = tierForGrowth(settings, await periodGrowth(ctx, posting.customerId, settings))
  if (rank(settings, target.id) > rank(settings, account.tier))
    await moveTier(ctx, account, target.id, 'up')
  return true
}

/**
 * The periodic tier evaluation of one customer: once `evaluationDays` have passed since the tier
 * was reached or last confirmed, the period's growth decides; a lower tier applies then, otherwise
 * the tier is confirmed for another period. Returns the tier after it.
 */
export async function evaluateTier(ctx: MallContext, customerId: string): Promise<string> {
  const settings = await ctx.settingsOf(manifest)
  const account = await lockAccount(ctx, customerId)
  const due = account.tier_since.getTime() + settings.growth.evaluationDays * DAY_MS
  if (ctx.now().getTime() < due) return account.tier
  const target = tierForGrowth(settings, await periodGrowth(ctx, customerId, settings))
  const direction =
    rank(settings, target.id) < rank(settings, account.tier)
      ? 'down'
      : rank(settings, target.id) > rank(settings, account.tier)
        ? 'up'
        : 'confirm'
  await moveTier(ctx, account, target.id, direction)
  return target.id
}

/** Evaluates every account whose evaluation is due (the daily job). */
export async function evaluateDueTiers(ctx: MallContext): Promise<number> {
  const settings = await ctx.settingsOf(manifest)
  const dueBefore = new Date(ctx.now().getTime() - settings.growth.evaluationDays * DAY_MS)
  const due = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .select('customer_id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('tier_since', '<=', dueBefore)
    .execute()
  for (const { customer_id } of due) await evaluateTier(ctx, customer_id)
  return due.length
}
