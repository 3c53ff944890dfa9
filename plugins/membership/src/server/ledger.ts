import { pluginDb, type MallContext } from '@mallkit/core/plugin'
import type { Selectable } from 'kysely'
import '../events.ts'
import type { PointsEntryKind } from '../events.ts'
import { manifest } from '../manifest.ts'
import { yearIn } from './calendar.ts'
import { membershipError } from './errors.ts'
import type {
  AccountTable,
  BalanceEntryKind,
  EntryTable,
  GrowthEntryKind,
  MembershipTables,
} from './tables.ts'

export type AccountRow = Selectable<AccountTable>
export type EntryRow = Selectable<EntryTable<string>>

/** The three counters of an account, each with its own append-only ledger. */
export type LedgerName = 'points' | 'balance' | 'growth'
type KindOf<L extends LedgerName> = L extends 'points'
  ? PointsEntryKind
  : L extends 'balance'
    ? BalanceEntryKind
    : GrowthEntryKind

export const entryTable = {
  points: 'membership__points_entry',
  balance: 'membership__balance_entry',
  growth: 'membership__growth_entry',
} as const

/** The ledgers differ only in their kinds: typed as one for the queries shared by all three. */
const tableOf = (ledger: LedgerName) => entryTable[ledger] as 'membership__points_entry'

/** One change to a counter, named by a key unique per (mall, customer, ledger). */
export interface Posting<L extends LedgerName> {
  customerId: string
  kind: KindOf<L>
  delta: number
  key: string
  orderId?: string | null
  reason?: string
  /**
   * A debit that may take only what is there (reversing points already spent): it is reduced to
   * the balance instead of refused. Nothing is written when that leaves zero.
   */
  clamp?: boolean
}

export interface Posted {
  entry: EntryRow | null
  /** False when the key had already taken effect (the earlier entry is returned). */
  created: boolean
}

/**
 * The customer's account, created on first use (starting in the lowest tier) and locked `for
 * update`: every ledger write takes this lock first, so writes to one account run one at a time
 * and the idempotency lookup, the balance check and the append see each other's results.
 */
export async function lockAccount(ctx: MallContext, customerId: string): Promise<AccountRow> {
  const db = pluginDb<MembershipTables>(ctx)
  const locked = () =>
    db
      .selectFrom('membership__account')
      .selectAll()
      .where('tenant_id', '=', ctx.tenant.id)
      .where('customer_id', '=', customerId)
      .forUpdate()
      .executeTakeFirst()
  const found = await locked()
  if (found) return found
  const { tiers } = await ctx.settingsOf(manifest)
  const now = ctx.now()
  await db
    .insertInto('membership__account')
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: customerId,
      tier: tiers[0]?.id ?? 'regular',
      tier_since: now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id']).doNothing())
    .execute()
  const created = await locked()
  if (!created) throw new Error('membership account vanished after insert')
  return created
}

/** The entry written under `key` in `ledger` for the customer, if any. */
export async function entryByKey(
  ctx: MallContext,
  ledger: LedgerName,
  customerId: string,
  key: string,
): Promise<EntryRow | undefined> {
  return pluginDb<MembershipTables>(ctx)
    .selectFrom(tableOf(ledger))
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst() as Promise<EntryRow | undefined>
}

/**
 * How many of the customer's points awards have a key `LIKE pattern` (pieces escaped with
 * `escapeLike`): earn rules key their awards `<rule>:<day>:<what>` to count them per day and per
 * thing (shares, reviews).
 */
export async function awardsKeyedLike(
  ctx: MallContext,
  customerId: string,
  pattern: string,
): Promise<number> {
  const row = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__points_entry')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'award')
    .where('idempotency_key', 'like', pattern)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const insufficient = {
  points: () => membershipError('insufficient_points'),
  balance: () => membershipError('insufficient_balance'),
  growth: () => membershipError('insufficient_points', 'Growth cannot go below zero'),
}

/**
 * Appends one entry to a ledger, safe under any concurrency and retry: under the account lock,
 * a key that already took effect returns its entry (a different kind under the same key is a 422),
 * a debit beyond the balance is refused (or clamped), and the entry is written with the balance
 * after it, which the account row caches (its check constraint backs "never negative" up).
 * Points changes emit `membership.points-changed` in the same transaction.
 */
export async function post<L extends LedgerName>(
  ctx: MallContext,
  ledger: L,
  posting: Posting<L>,
): Promise<Posted> {
  const account = await lockAccount(ctx, posting.customerId)
  const earlier = await entryByKey(ctx, ledger, posting.customerId, posting.key)
  if (earlier) {
    if (earlier.kind !== posting.kind)
      throw membershipError(
        'idempotency_mismatch',
        `The key ${posting.key} was used for another change`,
        {
          errors: [{ field: 'header.idempotency-key', message: 'already used for another change' }],
        },
      )
    return { entry: earlier, created: false }
  }
  if (!Number.isSafeInteger(posting.delta))
    throw new Error(`delta ${posting.delta} is not an integer`)
  const before = account[ledger]
  const delta =
    posting.clamp && posting.delta < 0 ? Math.max(posting.delta, -before) : posting.delta
  if (delta === 0) return { entry: null, created: false }
  if (before + delta < 0) throw insufficient[ledger]()
  const now = ctx.now()
  const db = pluginDb<MembershipTables>(ctx)
  const entry = (await db
    .insertInto(tableOf(ledger))
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: posting.customerId,
      kind: posting.kind as never,
      delta,
      balance: before + delta,
      idempotency_key: posting.key,
      order_id: posting.orderId ?? null,
      year: yearIn(now, ctx.tenant.timezone),
      reason: posting.reason ?? '',
      actor_kind: ctx.actor.kind,
      actor_id: 'id' in ctx.actor ? ctx.actor.id : null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as EntryRow
  await db
    .updateTable('membership__account')
    .set({ [ledger]: before + delta, updated_at: now })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', posting.customerId)
    .execute()
  if (ledger === 'points')
    await ctx.emit('membership.points-changed', {
      customerId: posting.customerId,
      entryId: entry.id,
      kind: posting.kind as PointsEntryKind,
      delta,
      balance: before + delta,
    })
  return { entry, created: true }
}

/** The sum of an order's entries of `kinds` in a ledger (what it spent, what came back). */
export async function orderTotal(
  ctx: MallContext,
  ledger: LedgerName,
  orderId: string,
  kinds: readonly string[],
): Promise<number> {
  const row = await pluginDb<MembershipTables>(ctx)
    .selectFrom(tableOf(ledger))
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.lit(0)).as('total'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('kind', 'in', kinds as never[])
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

/** The customer's account without locking or creating it; undefined before its first use. */
export async function readAccount(
  ctx: MallContext,
  customerId: string,
): Promise<AccountRow | undefined> {
  return pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__account')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
}
