import { MallError, pluginDb, type MallContext } from '@mallkit/core/plugin'
import { sql } from 'kysely'
import { manifest } from '../manifest.ts'
import { membershipError } from './errors.ts'
import { lockAccount, orderTotal, post } from './ledger.ts'
import type { MembershipTables } from './tables.ts'
import { creditTopUp } from './top-ups.ts'

/**
 * Top-ups bought online: a package bound to a catalog SKU is sold through the normal checkout and
 * payment, like the member card's plans. Placing the order records its top-ups as pending (the
 * cap is checked then, under the account lock, counting top-ups still unpaid); payment credits
 * amount and bonus once per order and package; a refund takes its share back before any money
 * moves, and is refused when the customer has spent it already.
 */

/** The SKUs that sell top-up packages in this mall (stored value and points never pay them). */
export async function topUpSkus(ctx: MallContext): Promise<ReadonlySet<string>> {
  const rows = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__top_up_package')
    .select('sku_id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('sku_id', 'is not', null)
    .execute()
  return new Set(rows.map((row) => row.sku_id!))
}

/** The order's lines that buy top-up packages, with the package and the checkout field. */
async function topUpLines(ctx: MallContext, orderId: string) {
  return (
    pluginDb<MembershipTables>(ctx)
      .selectFrom('core__order_line as l')
      .innerJoin('membership__top_up_package as p', (join) =>
        join.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.sku_id', '=', 'l.sku_id'),
      )
      // The line's place in the order, which is its index in the checkout body's items.
      .select(sql<number>`l.position`.as('position'))
      .select(['l.quantity', 'l.total', 'p.id', 'p.amount', 'p.bonus', 'p.active'])
      .where('l.tenant_id', '=', ctx.tenant.id)
      .where('l.order_id', '=', orderId)
      .orderBy(sql`l.position`)
      .execute()
  )
}

/** What the order's top-up lines cost (they earn no points or growth: the balance will). */
export async function topUpLinesTotal(ctx: MallContext, orderId: string): Promise<number> {
  return (await topUpLines(ctx, orderId)).reduce((sum, line) => sum + Number(line.total), 0)
}

/**
 * On `order.placed` (inline, in the placing transaction): records the order's top-ups as
 * pending, one per package, and refuses the order (409 `membership:balance_cap` naming the line)
 * when paying it would take the balance, with the customer's other unpaid online top-ups, past
 * the mall's cap.
 */
export async function holdTopUps(ctx: MallContext, order: { orderId: string; customerId: string }) {
  const lines = await topUpLines(ctx, order.orderId)
  if (lines.length === 0) return
  const field = `body.items.${lines[0]!.position}.skuId`
  const { storedValue } = await ctx.settingsOf(manifest)
  if (!storedValue.enabled)
    throw membershipError('not_enabled', 'Stored value is off in this mall', {
      errors: [{ field, message: 'top-ups are not on sale' }],
    })
  await refuseMixedOrDiscounted(ctx, order.orderId, lines.length, field)
  const inactive = lines.find((line) => !line.active)
  if (inactive)
    throw new MallError('conflict', 'This top-up package is not on sale', {
      errors: [{ field: `body.items.${inactive.position}.skuId`, message: 'not on sale' }],
    })
  const db = pluginDb<MembershipTables>(ctx)
  const account = await lockAccount(ctx, order.customerId)
  const unpaid = await db
    .selectFrom('membership__top_up')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number>(eb('amount', '+', eb.ref('bonus'))), eb.lit(0)).as('total'),
    )
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', order.customerId)
    .where('status', '=', 'pending')
    .where('order_id', 'is not', null)
    .executeTakeFirstOrThrow()
  const credit = lines.reduce((sum, line) => sum + (line.amount + line.bonus) * line.quantity, 0)
  const room = storedValue.cap - account.balance - Number(unpaid.total)
  if (credit > room)
    throw membershipError(
      'balance_cap',
      `A balance may hold at most ${storedValue.cap}; this top-up would take it past that`,
      { errors: [{ field, message: `at most ${Math.max(0, room)} more can be topped up` }] },
    )
  const now = ctx.now()
  for (const line of lines)
    await db
      .insertInto('membership__top_up')
      .values({
        tenant_id: ctx.tenant.id,
        customer_id: order.customerId,
        package_id: line.id,
        amount: line.amount * line.quantity,
        bonus: line.bonus * line.quantity,
        idempotency_key: `order:${order.orderId}:${line.id}`,
        order_id: order.orderId,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'idempotency_key']).doNothing())
      .execute()
}

/**
 * A top-up order holds top-ups only and takes no discount: a coupon or promotion on it (or one
 * unlocked by its amount in a mixed cart) would sell stored value below its face value.
 */
async function refuseMixedOrDiscounted(
  ctx: MallContext,
  orderId: string,
  topUpLines: number,
  field: string,
): Promise<void> {
  const order = await ctx.db
    .selectFrom('core__order')
    .select('discount_total')
    .select((eb) =>
      eb
        .selectFrom('core__order_line as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.tenant_id', '=', 'core__order.tenant_id')
        .whereRef('l.order_id', '=', 'core__order.id')
        .as('lines'),
    )
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow()
  if (Number(order.lines) > topUpLines)
    throw membershipError('top_up_alone', 'Check out a top-up on its own, not with other goods', {
      errors: [{ field, message: 'buy this top-up in an order of its own' }],
    })
  if (Number(order.discount_total) > 0)
    throw membershipError('top_up_alone', 'Coupons and promotions do not apply to top-ups', {
      errors: [{ field: 'body.selections', message: 'choose no coupon for a top-up' }],
    })
}

/**
 * On `order.paid` (after commit, at least once): credits each pending top-up of the order, amount
 * and bonus as two balance entries keyed by the top-up (so a replay credits nothing more), and
 * marks it paid. Paid money is never refused: the cap was checked when the order was placed.
 */
export async function creditTopUps(ctx: MallContext, orderId: string): Promise<void> {
  const db = pluginDb<MembershipTables>(ctx)
  const topUps = await db
    .selectFrom('membership__top_up')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .forUpdate()
    .execute()
  for (const topUp of topUps) await creditTopUp(ctx, topUp, orderId)
}

/** On `order.cancelled`: the order's top-ups will never be credited (or were taken back). */
export async function cancelTopUps(ctx: MallContext, orderId: string): Promise<void> {
  await pluginDb<MembershipTables>(ctx)
    .updateTable('membership__top_up')
    .set({ status: 'cancelled' })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .where('status', 'in', ['pending', 'paid'])
    .execute()
}

/**
 * On `payment.refund-requested` (inline, before the provider is asked): takes back the refund's
 * share of what the order's top-ups credited (all that is left on a full refund), keyed by the
 * refund. When the customer has spent it already, the refund is refused (409 naming
 * `body.amount`, with the most that can still be refunded): the balance never goes negative and
 * the merchant never refunds money whose stored value was used.
 */
export async function takeBackTopUps(
  ctx: MallContext,
  refund: {
    refundId: string
    orderId: string
    amount: number
    paymentAmount: number
    full: boolean
  },
): Promise<void> {
  // A refund may come before the paid order's credit hook ran (it runs after commit): credit
  // first (once, by key), so what is taken back is never credited afterwards.
  await creditTopUps(ctx, refund.orderId)
  const topUps = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__top_up')
    .select(['customer_id', 'amount', 'bonus'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', refund.orderId)
    .where('status', '=', 'paid')
    .execute()
  if (topUps.length === 0) return
  const customerId = topUps[0]!.customer_id
  const credited = topUps.reduce((sum, t) => sum + t.amount + t.bonus, 0)
  const account = await lockAccount(ctx, customerId)
  const left = await orderTotal(ctx, 'balance', refund.orderId, ['top-up'])
  const take = refund.full
    ? left
    : Math.min(left, Math.floor((credited * refund.amount) / refund.paymentAmount))
  if (take <= 0) return
  if (take > account.balance) {
    const most = Math.floor((account.balance * refund.paymentAmount) / credited)
    throw membershipError(
      'insufficient_balance',
      `The customer has spent stored value this order topped up: refunding ${refund.amount} takes back ${take}, the balance holds ${account.balance}`,
      {
        errors: [
          {
            field: 'body.amount',
            message: `the top-up was partly spent: at most ${most} can be refunded`,
          },
        ],
      },
    )
  }
  await post(ctx, 'balance', {
    customerId,
    kind: 'top-up',
    delta: -take,
    key: `refund:${refund.refundId}:top-up`,
    orderId: refund.orderId,
    reason: 'Top-up refunded',
  })
}

/** On `payment.refund-failed`: what the refund took back of a top-up is credited again, once. */
export async function restoreTopUps(
  ctx: MallContext,
  refund: { refundId: string; orderId: string },
): Promise<void> {
  const taken = await pluginDb<MembershipTables>(ctx)
    .selectFrom('membership__balance_entry')
    .select(['customer_id', 'delta'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', refund.orderId)
    .where('idempotency_key', '=', `refund:${refund.refundId}:top-up`)
    .executeTakeFirst()
  if (!taken) return
  await post(ctx, 'balance', {
    customerId: taken.customer_id,
    kind: 'top-up',
    delta: -taken.delta,
    key: `refund:${refund.refundId}:top-up-restore`,
    orderId: refund.orderId,
    reason: 'Top-up refund failed',
  })
}
