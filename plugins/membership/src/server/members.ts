import { z } from '@hono/zod-openapi'
import {
  cursorTime,
  decodeCursor,
  afterCursor,
  customerMatches,
  keysetPage,
  MallError,
  permission,
  pluginDb,
  type MallContext,
} from '@mallkit/core/plugin'

import { manifest } from '../manifest.ts'
import { post } from './ledger.ts'
import type { MembershipTables } from './tables.ts'
import { addGrowth, tierOf } from './tiers.ts'
import { ledgerPage, memberView, MemberView, EntryPage } from './views.ts'

export const VIEW = permission(manifest, 'members.view')
export const ADJUST = permission(manifest, 'members.adjust')

export const MemberQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** Matches the customer's name, email or phone. */
  q: z.string().trim().max(100).optional(),
  tier: z.string().max(32).optional(),
})

export const MemberRow = z
  .object({
    customerId: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    tier: z.string(),
    tierName: z.object({ en: z.string(), 'zh-CN': z.string() }),
    growth: z.number().int(),
    points: z.number().int(),
    balance: z.number().int(),
    joinedAt: z.string(),
  })
  .openapi('MemberRow')

/** Members (customers with an account), newest first, by search and tier; keyset pages. */
export async function listMembers(ctx: MallContext, query: z.infer<typeof MemberQuery>) {
  ctx.require(VIEW)
  const settings = await ctx.settingsOf(manifest)
  const after = decodeCursor(query.cursor)
  let rows = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account as a')
    .innerJoin('core__customer as c', (join) =>
      join.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.customer_id'),
    )
    .select([
      'a.customer_id as id',
      'c.name',
      'c.email',
      'c.phone',
      'a.tier',
      'a.growth',
      'a.points',
      'a.balance',
      'a.created_at',
    ])
    .select(cursorTime('a.created_at').as('cursor_at'))
    .where('a.tenant_id', '=', ctx.tenant.id)
  if (query.tier) rows = rows.where('a.tier', '=', query.tier)
  if (query.q) rows = rows.where(customerMatches(query.q, 'c'))
  if (after) rows = rows.where(afterCursor('a.created_at', after, 'a.customer_id'))
  const found = await rows
    .orderBy('a.created_at', 'desc')
    .orderBy('a.customer_id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(found, query.limit)
  return {
    items: page.map((row) => ({
      customerId: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      tier: row.tier,
      tierName: tierOf(settings, row.tier).name,
      growth: row.growth,
      points: row.points,
      balance: row.balance,
      joinedAt: row.created_at.toISOString(),
    })),
    nextCursor,
  }
}

export const MemberDetail = z
  .object({
    member: MemberView,
    points: EntryPage,
    balance: EntryPage,
    growth: EntryPage,
  })
  .openapi('MemberDetail')

/** 404 unless the customer belongs to the mall. */
async function requireCustomer(ctx: MallContext, customerId: string): Promise<void> {
  const customer = await ctx.db
    .selectFrom('core__customer')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!customer) throw new MallError('not_found', 'No such customer in this mall')
}

/** One member with the latest entries of each ledger. */
export async function memberDetail(ctx: MallContext, customerId: string) {
  ctx.require(VIEW)
  await requireCustomer(ctx, customerId)
  const page = { limit: 20 }
  return {
    member: await memberView(ctx, customerId),
    points: await ledgerPage(ctx, 'points', customerId, page),
    balance: await ledgerPage(ctx, 'balance', customerId, page),
    growth: await ledgerPage(ctx, 'growth', customerId, page),
  }
}

export const AdjustmentInput = z
  .object({
    ledger: z.enum(['points', 'balance', 'growth']),
    delta: z
      .number()
      .int()
      .min(-10_000_000)
      .max(10_000_000)
      .refine((d) => d !== 0, 'must not be 0'),
    reason: z.string().trim().min(2).max(200),
  })
  .openapi('MembershipAdjustment')

/**
 * A staff adjustment of a member's points, balance or growth, with a reason, audited; the
 * Idempotency-Key makes a double submit one adjustment (audited once). Growth adjustments
 * upgrade at once.
 */
export async function adjustMember(
  ctx: MallContext,
  customerId: string,
  input: z.infer<typeof AdjustmentInput>,
  key: string,
) {
  ctx.require(ADJUST)
  await requireCustomer(ctx, customerId)
  const posting = { customerId, kind: 'adjust' as const, delta: input.delta, reason: input.reason }
  const idempotencyKey = `staff:${key}`
  let created: boolean
  if (input.ledger === 'growth') created = await addGrowth(ctx, { ...posting, key: idempotencyKey })
  else {
    if (input.ledger === 'balance' && input.delta > 0) {
      const { storedValue } = await ctx.settingsOf(manifest)
      const member = await memberView(ctx, customerId)
      if (member.balance + input.delta > storedValue.cap)
        throw new MallError(
          'validation_failed',
          `The balance may hold at most ${storedValue.cap}`,
          {
            errors: [
              { field: 'body.delta', message: `at most ${storedValue.cap - member.balance}` },
            ],
          },
        )
    }
    created = (await post(ctx, input.ledger, { ...posting, key: idempotencyKey })).created
  }
  // A replay of the same key changed nothing, so it leaves no second audit entry.
  if (created) await ctx.audit('membership.adjusted', `customer:${customerId}`, { ...input, key })
  return memberView(ctx, customerId)
}

export const Report = z
  .object({
    tiers: z.array(
      z.object({
        id: z.string(),
        name: z.object({ en: z.string(), 'zh-CN': z.string() }),
        members: z.number().int(),
      }),
    ),
    /** `outstanding` = `issued` − `redeemed` − `expired` + `adjusted` (staff, either way). */
    points: z.object({
      issued: z.number().int(),
      redeemed: z.number().int(),
      expired: z.number().int(),
      adjusted: z.number().int(),
      outstanding: z.number().int(),
    }),
    /**
     * The balances customers hold: a liability the merchant owes. `outstanding` = `toppedUp` −
     * `spent` + `adjusted`.
     */
    storedValue: z.object({
      outstanding: z.number().int(),
      toppedUp: z.number().int(),
      spent: z.number().int(),
      adjusted: z.number().int(),
    }),
  })
  .openapi('MembershipReport')

/** Members per tier, points issued / redeemed / expired / outstanding, stored value owed. */
export async function report(ctx: MallContext): Promise<z.infer<typeof Report>> {
  ctx.require(VIEW)
  const settings = await ctx.settingsOf(manifest)
  const db = pluginDb<MembershipTables>(ctx)
  const perTier = await db
    .selectFrom('membership__account')
    .select(['tier', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', ctx.tenant.id)
    .groupBy('tier')
    .execute()
  const count = (id: string) => Number(perTier.find((t) => t.tier === id)?.n ?? 0)
  const sumBy = async (table: 'membership__points_entry' | 'membership__balance_entry') => {
    const rows = await db
      .selectFrom(table as 'membership__points_entry')
      .select(['kind', (eb) => eb.fn.sum<number>('delta').as('total')])
      .where('tenant_id', '=', ctx.tenant.id)
      .groupBy('kind')
      .execute()
    return (kinds: string[]) =>
      rows.filter((r) => kinds.includes(r.kind)).reduce((t, r) => t + Number(r.total), 0)
  }
  const points = await sumBy('membership__points_entry')
  const balance = await sumBy('membership__balance_entry')
  const outstanding = await db
    .selectFrom('membership__account')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('points'),
      eb.fn.coalesce(eb.fn.sum<number>('balance'), eb.lit(0)).as('balance'),
    ])
    .where('tenant_id', '=', ctx.tenant.id)
    .executeTakeFirstOrThrow()
  return {
    // Members in tiers no longer configured count in the lowest, as everywhere else.
    tiers: settings.tiers.map((tier, i) => ({
      id: tier.id,
      name: tier.name,
      members:
        count(tier.id) +
        (i === 0
          ? perTier
              .filter((t) => !settings.tiers.some((s) => s.id === t.tier))
              .reduce((n, t) => n + Number(t.n), 0)
          : 0),
    })),
    points: {
      issued: points(['earn', 'check-in', 'registration', 'birthday', 'award', 'reverse']),
      // Spent at checkout (less what came back) or by another plugin (a prize draw).
      redeemed: -points(['redeem', 'return', 'deduct']),
      expired: -points(['expire']),
      adjusted: points(['adjust']),
      outstanding: Number(outstanding.points),
    },
    storedValue: {
      outstanding: Number(outstanding.balance),
      toppedUp: balance(['top-up']),
      spent: -balance(['pay', 'return']),
      adjusted: balance(['adjust']),
    },
  }
}
