import { definePluginErrors, pluginDb, type MallContext } from '@mallkit/core/plugin'
import './coupon-requests.ts'
import { manifest } from '../manifest.ts'
import { membershipError } from './errors.ts'
import { lockAccount, post } from './ledger.ts'
import { findItem, type MallItemRow } from './points-mall-items.ts'
import type { ExchangeView, PublicMallItem } from './points-mall-views.ts'
import type { MembershipTables } from './tables.ts'

/** Why an exchange was refused (`membership:<code>`); every refusal writes nothing. */
export const pointsMallError = definePluginErrors(manifest, {
  item_unavailable: { status: 409, title: 'This item is not on offer' },
  out_of_stock: { status: 409, title: 'This item is all gone' },
  exchange_limit: { status: 409, title: 'You already exchanged as many of this item as allowed' },
  coupons_off: { status: 409, title: 'Coupons are switched off in this mall' },
})

const publicView = (row: MallItemRow): PublicMallItem => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  points: row.points,
  remaining: row.stock === null ? null : Math.max(row.stock - row.exchanged, 0),
  perCustomerLimit: row.per_customer_limit,
})

/** The active items in display order: public and the same for every visitor. */
export async function listOffers(ctx: MallContext): Promise<PublicMallItem[]> {
  const rows = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__mall_item')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('deleted_at', 'is', null)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .limit(100)
    .execute()
  return rows.map(publicView)
}

/** The customer's points and exchanges per item, for the block's buttons. */
export async function mallStanding(ctx: MallContext, customerId: string) {
  const db = pluginDb<MembershipTables>(ctx)
  const account = await db
    .selectFrom('membership__account')
    .select('points')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  const counts = await db
    .selectFrom('membership__mall_exchange')
    .select(['item_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .groupBy('item_id')
    .execute()
  return {
    points: account?.points ?? 0,
    exchanged: Object.fromEntries(counts.map((c) => [c.item_id, Number(c.n)])),
  }
}

/**
 * Exchanges points for an item, in one transaction: the points leave through the ledger's
 * `post()` and the coupon is granted by emitting `coupons.issue-requested` (issued inline by the
 * coupons plugin). The item row is locked first, so exchanges of one item run one at a time and
 * the stock and per-customer checks see each other; the stock counter's conditional update and
 * check constraint back that up. Any refusal (not on offer, out of stock, limit, not enough
 * points, coupons off or the coupon refused) throws before the transaction commits, so nothing
 * is written. The same Idempotency-Key returns the first exchange.
 */
export async function exchange(
  ctx: MallContext,
  customerId: string,
  itemId: string,
  key: string,
): Promise<{ exchange: ExchangeView; created: boolean }> {
  const db = pluginDb<MembershipTables>(ctx)
  const item = await findItem(ctx, itemId, true)
  const mismatch = () =>
    membershipError('idempotency_mismatch', 'This key was used for another exchange', {
      errors: [{ field: 'header.idempotency-key', message: 'already used for another exchange' }],
    })
  const earlier = await db
    .selectFrom('membership__mall_exchange')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
  if (earlier) {
    if (earlier.item_id !== itemId) throw mismatch()
    const account = await lockAccount(ctx, customerId)
    return {
      exchange: {
        id: earlier.id,
        itemId,
        points: earlier.points,
        balance: account.points,
        createdAt: earlier.created_at.toISOString(),
      },
      created: false,
    }
  }

  if (!item.active) throw pointsMallError('item_unavailable', `${item.name} is not on offer`)
  if (!(await ctx.isEnabled('coupons')))
    throw pointsMallError('coupons_off', 'Coupons are off in this mall, so none can be exchanged')
  const held = await db
    .selectFrom('membership__mall_exchange')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('item_id', '=', itemId)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow()
  if (Number(held.n) >= item.per_customer_limit)
    throw pointsMallError(
      'exchange_limit',
      `${item.name}: at most ${item.per_customer_limit} per customer`,
    )
  if (item.stock !== null && item.exchanged >= item.stock)
    throw pointsMallError('out_of_stock', `${item.name} is all gone`)

  const spent = await post(ctx, 'points', {
    customerId,
    kind: 'redeem',
    delta: -item.points,
    key: `points-mall:${key}`,
    reason: `Points mall: ${item.name}`,
  })
  // The key spent points for another item at the same moment (a different item's lock).
  if (!spent.created || !spent.entry) throw mismatch()
  const row = await db
    .insertInto('membership__mall_exchange')
    .values({
      tenant_id: ctx.tenant.id,
      item_id: itemId,
      customer_id: customerId,
      points: item.points,
      idempotency_key: key,
      created_at: ctx.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await ctx.emit('coupons.issue-requested', {
    templateId: item.coupon_template_id,
    customerId,
    requestKey: `membership:points-mall:${row.id}`,
  })
  const counted = await db
    .updateTable('membership__mall_item')
    .set((eb) => ({ exchanged: eb('exchanged', '+', 1) }))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', itemId)
    .where((eb) => eb.or([eb('stock', 'is', null), eb('exchanged', '<', eb.ref('stock'))]))
    .executeTakeFirst()
  if (counted.numUpdatedRows === 0n)
    throw pointsMallError('out_of_stock', `${item.name} is all gone`)
  return {
    exchange: {
      id: row.id,
      itemId,
      points: item.points,
      balance: spent.entry.balance,
      createdAt: row.created_at.toISOString(),
    },
    created: true,
  }
}
