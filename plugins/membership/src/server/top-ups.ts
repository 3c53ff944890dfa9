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
import type { Selectable } from 'kysely'
import { manifest } from '../manifest.ts'
import { membershipError } from './errors.ts'
import { lockAccount, post } from './ledger.ts'
import type { MembershipTables, TopUpPackageTable, TopUpTable } from './tables.ts'

const MANAGE = permission(manifest, 'top-ups.manage')
const Money = z.number().int().min(1).max(500_000)

/** A top-up package as staff create it: pay `amount`, get `amount + bonus` (充 ¥500 送 ¥50). */
export const PackageInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    amount: Money,
    bonus: z.number().int().min(0).max(500_000).default(0),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
    /**
     * The catalog SKU that sells the package online (its price is what the customer pays, per
     * unit: normally `amount`); null or absent: top-ups of it are paid off-line, confirmed by staff.
     */
    skuId: z.uuid().nullable().optional(),
  })
  .openapi('TopUpPackageInput')
export const PackageEdit = PackageInput.partial().openapi('TopUpPackageEdit')

export const PackageView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    amount: z.number().int(),
    bonus: z.number().int(),
    active: z.boolean(),
    position: z.number().int(),
    /** Bought online through checkout of this SKU; null: ordered here, paid off-line. */
    skuId: z.uuid().nullable(),
  })
  .openapi('TopUpPackage')

export const TopUpView = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    packageId: z.uuid().nullable(),
    amount: z.number().int(),
    bonus: z.number().int(),
    status: z.enum(['pending', 'paid', 'cancelled']),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    /** The order that bought it online; null when staff confirm its payment. */
    orderId: z.uuid().nullable(),
  })
  .openapi('TopUp')

const packageView = (row: Selectable<TopUpPackageTable>) => ({
  id: row.id,
  name: row.name,
  amount: row.amount,
  bonus: row.bonus,
  active: row.active,
  position: row.position,
  skuId: row.sku_id,
})

const topUpView = (row: Selectable<TopUpTable>) => ({
  id: row.id,
  customerId: row.customer_id,
  packageId: row.package_id,
  amount: row.amount,
  bonus: row.bonus,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  paidAt: row.paid_at?.toISOString() ?? null,
  orderId: row.order_id,
})

/** The mall's packages in display order; only active ones unless `all` (staff). */
export async function listPackages(ctx: MallContext, all = false) {
  let query = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__top_up_package')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
  if (!all) query = query.where('active', '=', true)
  const rows = await query.orderBy('position').orderBy('created_at').execute()
  return rows.map(packageView)
}

/**
 * Refuses a SKU that is not this mall's, or that sells another package already (422 naming
 * `body.skuId`); the package's own row is locked by the caller's update when editing.
 */
async function checkSku(ctx: MallContext, skuId: string, packageId?: string) {
  const sku = await ctx.db
    .selectFrom('core__sku')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', skuId)
    .executeTakeFirst()
  const refuse = (message: string) =>
    new MallError('validation_failed', 'This SKU cannot sell the package', {
      errors: [{ field: 'body.skuId', message }],
    })
  if (!sku) throw refuse('not a SKU of this mall')
  let other = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__top_up_package')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('sku_id', '=', skuId)
  if (packageId) other = other.where('id', '!=', packageId)
  if (await other.executeTakeFirst()) throw refuse('already sells another package')
}

export async function createPackage(ctx: MallContext, input: z.infer<typeof PackageInput>) {
  ctx.require(MANAGE)
  const { skuId, ...fields } = input
  if (skuId) await checkSku(ctx, skuId)
  const row = await pluginDb<MembershipTables>(ctx)
    .insertInto('membership__top_up_package')
    .values({ tenant_id: ctx.tenant.id, ...fields, sku_id: skuId ?? null, created_at: ctx.now() })
    .returningAll()
    .executeTakeFirstOrThrow()
  await ctx.audit('membership.package-created', `membership:package:${row.id}`, input)
  return packageView(row)
}

export async function editPackage(
  ctx: MallContext,
  id: string,
  input: z.infer<typeof PackageEdit>,
) {
  ctx.require(MANAGE)
  const { skuId, ...fields } = input
  if (skuId) await checkSku(ctx, skuId, id)
  const row = await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__top_up_package')
    .set({ ...fields, ...(skuId !== undefined && { sku_id: skuId }) })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new MallError('not_found', 'No such top-up package')
  await ctx.audit('membership.package-edited', `membership:package:${id}`, input)
  return packageView(row)
}

/** Refuses a credit that would take the balance past the mall's cap (BRIEF §6). */
async function checkCap(ctx: MallContext, customerId: string, credit: number, field: string) {
  const { storedValue } = await ctx.settingsOf(manifest)
  if (!storedValue.enabled) throw membershipError('not_enabled', 'Stored value is off in this mall')
  const account = await lockAccount(ctx, customerId)
  if (account.balance + credit > storedValue.cap)
    throw membershipError(
      'balance_cap',
      `A balance may hold at most ${storedValue.cap}; this one holds ${account.balance}`,
      { errors: [{ field, message: `at most ${storedValue.cap - account.balance} more` }] },
    )
}

/**
 * A customer's top-up of a package paid off-line, awaiting staff's confirmation; the same
 * Idempotency-Key returns the same top-up. Refused when paying it would take the balance past the
 * cap, and for packages sold online by a SKU (those are bought through checkout:
 * `top-up-orders.ts`).
 */
export async function createTopUp(
  ctx: MallContext,
  customerId: string,
  packageId: string,
  key: string,
): Promise<{ topUp: z.infer<typeof TopUpView>; created: boolean }> {
  const db = pluginDb<MembershipTables>(ctx)
  await lockAccount(ctx, customerId)
  const earlier = await db
    .selectFrom('membership__top_up')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
  if (earlier) {
    if (earlier.package_id !== packageId)
      throw membershipError('idempotency_mismatch', 'This key was used for another top-up', {
        errors: [{ field: 'header.idempotency-key', message: 'already used for another top-up' }],
      })
    return { topUp: topUpView(earlier), created: false }
  }
  const pack = await db
    .selectFrom('membership__top_up_package')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', packageId)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!pack)
    throw new MallError('not_found', 'No such top-up package', {
      errors: [{ field: 'body.packageId', message: 'not an active package' }],
    })
  if (pack.sku_id)
    throw membershipError('top_up_state', 'This package is bought online: check out its SKU', {
      errors: [{ field: 'body.packageId', message: `buy SKU ${pack.sku_id} through checkout` }],
    })
  await checkCap(ctx, customerId, pack.amount + pack.bonus, 'body.packageId')
  const row = await db
    .insertInto('membership__top_up')
    .values({
      tenant_id: ctx.tenant.id,
      customer_id: customerId,
      package_id: pack.id,
      amount: pack.amount,
      bonus: pack.bonus,
      idempotency_key: key,
      created_at: ctx.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { topUp: topUpView(row), created: true }
}

/**
 * Credits a pending top-up, amount and bonus as two balance entries keyed by the top-up (so
 * crediting it again adds nothing), and marks it paid; `orderId` when an order paid for it.
 */
export async function creditTopUp(
  ctx: MallContext,
  topUp: Selectable<TopUpTable>,
  orderId?: string,
): Promise<Selectable<TopUpTable>> {
  const credit = (delta: number, key: string, reason: string) =>
    post(ctx, 'balance', {
      customerId: topUp.customer_id,
      kind: 'top-up',
      delta,
      key,
      reason,
      ...(orderId ? { orderId } : {}),
    })
  await credit(topUp.amount, `top-up:${topUp.id}`, 'Top-up')
  if (topUp.bonus > 0) await credit(topUp.bonus, `top-up:${topUp.id}:bonus`, 'Top-up bonus')
  return pluginDb<MembershipTables>(ctx)
    .updateTable('membership__top_up')
    .set({ status: 'paid', paid_at: ctx.now() })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', topUp.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Staff confirm that a top-up was paid (cash, bank transfer): the amount and the bonus are
 * credited to the balance as two entries keyed by the top-up, so a second confirmation credits
 * nothing more. Audited.
 */
export async function confirmTopUp(ctx: MallContext, topUpId: string) {
  ctx.require(MANAGE)
  const db = pluginDb<MembershipTables>(ctx)
  const topUp = await db
    .selectFrom('membership__top_up')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', topUpId)
    .forUpdate()
    .executeTakeFirst()
  if (!topUp) throw new MallError('not_found', 'No such top-up')
  if (topUp.status === 'paid') return topUpView(topUp)
  if (topUp.status !== 'pending')
    throw membershipError('top_up_state', `The top-up is ${topUp.status}`)
  await checkCap(ctx, topUp.customer_id, topUp.amount + topUp.bonus, 'path.topUpId')
  const paid = await creditTopUp(ctx, topUp)
  await ctx.audit('membership.top-up-confirmed', `membership:top-up:${topUpId}`, {
    customerId: topUp.customer_id,
    amount: topUp.amount,
    bonus: topUp.bonus,
  })
  return topUpView(paid)
}

export const TopUpQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(['pending', 'paid', 'cancelled']).optional(),
  /** Matches the customer's name, email or phone. */
  q: z.string().trim().max(100).optional(),
})

export const TopUpRow = TopUpView.extend({
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  customerPhone: z.string().nullable(),
}).openapi('TopUpRow')

/**
 * The mall's top-ups, newest first, by status and customer (keyset pages): staff find the
 * pending ones here to confirm once the money has arrived.
 */
export async function listTopUps(ctx: MallContext, query: z.infer<typeof TopUpQuery>) {
  ctx.require(MANAGE)
  const after = decodeCursor(query.cursor)
  let rows = pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__top_up as t')
    .innerJoin('core__customer as c', (join) =>
      join.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.customer_id'),
    )
    .selectAll('t')
    .select(['c.name as customer_name', 'c.email as customer_email', 'c.phone as customer_phone'])
    .select(cursorTime('t.created_at').as('cursor_at'))
    .where('t.tenant_id', '=', ctx.tenant.id)
  if (query.status) rows = rows.where('t.status', '=', query.status)
  if (query.q) rows = rows.where(customerMatches(query.q, 'c'))
  if (after) rows = rows.where(afterCursor('t.created_at', after, 't.id'))
  const found = await rows
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const { page, nextCursor } = keysetPage(found, query.limit)
  return {
    items: page.map((row) => ({
      ...topUpView(row),
      customerName: row.customer_name,
      customerEmail: row.customer_email,
      customerPhone: row.customer_phone,
    })),
    nextCursor,
  }
}
