import { z } from '@hono/zod-openapi'
import {
  afterCursor,
  cursorTime,
  decodeCursor,
  keysetPage,
  pluginDb,
  type MallContext,
} from '@mallkit/core/plugin'
import { sql } from 'kysely'
import { manifest } from '../manifest.ts'
import { entryTable, readAccount, type LedgerName } from './ledger.ts'
import type { MembershipTables } from './tables.ts'
import { nextTier, periodGrowth, tierOf } from './tiers.ts'

const Localized = z.object({ en: z.string(), 'zh-CN': z.string() })

export const TierView = z
  .object({
    id: z.string(),
    name: Localized,
    growth: z.number().int(),
    discountPercent: z.number().int(),
    freeShippingThreshold: z.number().int().nullable(),
    pointsMultiplier: z.number(),
    birthdayPoints: z.number().int(),
  })
  .openapi('MembershipTier')

/** A customer's standing: tier and progress, points, balance, birthday. */
export const MemberView = z
  .object({
    customerId: z.uuid(),
    tier: TierView,
    /** Growth in the evaluation period (what tiers go by) and in all. */
    periodGrowth: z.number().int(),
    growth: z.number().int(),
    next: z.object({ tier: TierView, missing: z.number().int() }).nullable(),
    /** When the tier is next evaluated (a lower one may apply then). */
    evaluatedAt: z.string(),
    points: z.number().int(),
    balance: z.number().int(),
    birthday: z.string().nullable(),
  })
  .openapi('Member')
export type MemberView = z.infer<typeof MemberView>

const DAY_MS = 86_400_000

/** The customer's member view (the lowest tier and zeros before their first points). */
export async function memberView(ctx: MallContext, customerId: string): Promise<MemberView> {
  const settings = await ctx.settingsOf(manifest)
  const account = await readAccount(ctx, customerId)
  const tier = tierOf(settings, account?.tier ?? '')
  const period = await periodGrowth(ctx, customerId, settings)
  const birthday = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .select(sql<string | null>`birthday::text`.as('birthday'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  const since = account?.tier_since ?? ctx.now()
  return {
    customerId,
    tier,
    periodGrowth: period,
    growth: account?.growth ?? 0,
    next: nextTier(settings, tier.id, period),
    evaluatedAt: new Date(since.getTime() + settings.growth.evaluationDays * DAY_MS).toISOString(),
    points: account?.points ?? 0,
    balance: account?.balance ?? 0,
    birthday: birthday?.birthday ?? null,
  }
}

export const EntryView = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    delta: z.number().int(),
    balance: z.number().int(),
    orderId: z.uuid().nullable(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .openapi('MembershipLedgerEntry')

export const EntryPage = z.object({ items: z.array(EntryView), nextCursor: z.string().nullable() })

/** One page of a customer's ledger, newest first. */
export async function ledgerPage(
  ctx: MallContext,
  ledger: LedgerName,
  customerId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<z.infer<typeof EntryPage>> {
  const after = decodeCursor(page.cursor)
  const table = entryTable[ledger] as 'membership__points_entry'
  let query = pluginDb<MembershipTables>(ctx)
    .selectFrom(table)
    .selectAll()
    .select(cursorTime('created_at').as('cursor_at'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
  if (after) query = query.where(afterCursor('created_at', after))
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  const { page: shown, nextCursor } = keysetPage(rows, page.limit)
  return {
    items: shown.map((row) => ({
      id: row.id,
      kind: row.kind,
      delta: row.delta,
      balance: row.balance,
      orderId: row.order_id,
      reason: row.reason,
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor,
  }
}
