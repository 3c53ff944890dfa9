import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import '../events.ts'
import { manifest } from '../manifest.ts'
import { membershipError } from './errors.ts'
import { lockAccount } from './ledger.ts'
import type { MembershipTables } from './tables.ts'

const DAY_MS = 86_400_000

export interface CardState {
  /** Whether the card is valid now. */
  active: boolean
  /** When the card (as held now, renewals included) ends; null if never held. */
  validUntil: string | null
  trialAvailable: boolean
}

/**
 * When the customer's card ends: its periods that were not revoked, in the order they were
 * added, each running from the end of the one before (or from when it was added, after a gap).
 * Derived on every read, so revoking a refunded period shortens what follows it.
 */
async function cardEnd(ctx: MallContext, customerId: string) {
  const periods = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__card_period')
    .select(['kind', 'days', 'revoked_at', 'created_at'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  let end: number | null = null
  for (const period of periods) {
    if (period.revoked_at) continue
    const start = Math.max(end ?? 0, period.created_at.getTime())
    end = start + period.days * DAY_MS
  }
  return { end, trialUsed: periods.some((p) => p.kind === 'trial'), held: periods.length > 0 }
}

/** The customer's card: valid now or not, until when, and whether the trial is still open. */
export async function cardState(ctx: MallContext, customerId: string): Promise<CardState> {
  const { card } = await ctx.settingsOf(manifest)
  const { end, held } = await cardEnd(ctx, customerId)
  return {
    active: card.enabled && end !== null && end > ctx.now().getTime(),
    validUntil: end === null ? null : new Date(end).toISOString(),
    trialAvailable: card.enabled && card.trialDays > 0 && !held,
  }
}

/** Whether the card gives its benefits to the customer now. */
export async function hasActiveCard(ctx: MallContext, customerId: string): Promise<boolean> {
  return (await cardState(ctx, customerId)).active
}

/** Starts the one-time trial: only for customers who never held the card. */
export async function startTrial(ctx: MallContext, customerId: string): Promise<CardState> {
  const { card } = await ctx.settingsOf(manifest)
  if (!card.enabled || card.trialDays === 0)
    throw membershipError('not_enabled', 'This mall offers no member card trial')
  await lockAccount(ctx, customerId)
  if ((await cardEnd(ctx, customerId)).held)
    throw membershipError('card_refused', 'The trial is for customers who never had the card')
  await pluginDb<MembershipTables>(ctx)
    .insertInto('membership__card_period')
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: customerId,
      kind: 'trial',
      source_key: 'trial',
      days: card.trialDays,
      created_at: ctx.now(),
    })
    .execute()
  return cardState(ctx, customerId)
}

/**
 * A paid order that bought card plans (their SKUs, in `card.plans`) adds their days, once per
 * order and plan. Works from the order's own lines, as the core recorded them.
 */
export async function addPaidPeriods(ctx: MallContext, orderId: string, customerId: string) {
  const { card } = await ctx.settingsOf(manifest)
  const onSale = card.plans.filter((plan) => plan.skuId)
  if (!card.enabled || onSale.length === 0) return
  const lines = await ctx.db
    .selectFrom('core__order_line')
    .select(['sku_id', 'quantity'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .execute()
  for (const plan of onSale) {
    const quantity = lines
      .filter((line) => line.sku_id === plan.skuId)
      .reduce((sum, line) => sum + line.quantity, 0)
    if (quantity === 0) continue
    await lockAccount(ctx, customerId)
    await pluginDb<MembershipTables>(ctx)
      .insertInto('membership__card_period')
      .values({
        tenant_id: ctx.tenant.id,
        customer_id: customerId,
        kind: 'purchase',
        source_key: `order:${orderId}:${plan.id}`,
        order_id: orderId,
        plan: plan.id,
        days: plan.days * quantity,
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'source_key']).doNothing())
      .execute()
  }
}

/** A cancelled or fully refunded order takes back the card days it bought. */
export async function revokeOrderPeriods(ctx: MallContext, orderId: string): Promise<void> {
  await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__card_period')
    .set({ revoked_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * The renewal reminder (hourly job): for each card ending within `remindDaysBefore`, emits
 * `membership.card-expiring` once per end date (a renewal moves the end, and a new reminder
 * follows for the new one). Returns how many were sent.
 */
export async function remindExpiringCards(ctx: MallContext): Promise<number> {
  const { card } = await ctx.settingsOf(manifest)
  if (!card.enabled) return 0
  const now = ctx.now().getTime()
  const holders = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__card_period')
    .select('customer_id')
    .distinct()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', new Date(now - 4000 * DAY_MS))
    .execute()
  let sent = 0
  for (const { customer_id } of holders) {
    const { end } = await cardEnd(ctx, customer_id)
    if (end === null || end <= now || end - now > card.remindDaysBefore * DAY_MS) continue
    const fresh = await pluginDb<MembershipTables>(ctx)
      .insertInto('membership__card_reminder')
      .values({
        tenant_id: ctx.tenant.id,
        customer_id,
        ends_at: new Date(end),
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'ends_at']).doNothing())
      .returning('customer_id')
      .executeTakeFirst()
    if (!fresh) continue
    await ctx.emit('membership.card-expiring', {
      customerId: customer_id,
      endsAt: new Date(end).toISOString(),
    })
    sent += 1
  }
  return sent
}
