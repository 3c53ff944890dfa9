import { defineHook, type MallContext } from '@mallkit/core/plugin'
import '../events.ts'
import { manifest } from '../manifest.ts'
import { addPaidPeriods, hasActiveCard, revokeOrderPeriods } from './card.ts'
import { lockAccount, orderTotal, post, readAccount } from './ledger.ts'
import { undoForOrder } from './order-ledger.ts'
import {
  cancelTopUps,
  creditTopUps,
  holdTopUps,
  restoreTopUps,
  takeBackTopUps,
  topUpLinesTotal,
} from './top-up-orders.ts'
import { addGrowth, tierOf } from './tiers.ts'
import { rewardReview } from './reviews.ts'

/**
 * What a completed order earns: growth and points per ¥1 of what was paid for it (the payment
 * plus the balance used, less refunds so far; points redeemed earn nothing), points multiplied by the tier the
 * customer had before the order's growth. Keyed by the order: at most once per order.
 */
export async function earnForOrder(
  ctx: MallContext,
  order: { orderId: string; customerId: string; total: number },
): Promise<void> {
  const settings = await ctx.settingsOf(manifest)
  const account = await lockAccount(ctx, order.customerId)
  const fromBalance = -(await orderTotal(ctx, 'balance', order.orderId, ['pay', 'return']))
  // Money refunded through a provider; refunds of an order settled without payment (provider
  // `none`) moved no money: what they gave back of the balance is in `fromBalance` already.
  const refunded = await ctx.db
    .selectFrom('core__refund as r')
    .innerJoin('core__payment as p', (join) =>
      join.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.payment_id'),
    )
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('r.amount'), eb.lit(0)).as('total'))
    .where('r.tenant_id', '=', ctx.tenant.id)
    .where('r.order_id', '=', order.orderId)
    .where('r.status', '=', 'succeeded')
    .where('p.provider', '!=', 'none')
    .executeTakeFirstOrThrow()
  // Top-ups bought earn nothing: the stored value earns when it is spent.
  const paid =
    order.total -
    Number(refunded.total) +
    Math.max(0, fromBalance) -
    (await topUpLinesTotal(ctx, order.orderId))
  const yuan = Math.max(0, Math.floor(paid / 100))
  const cardBonus = (await hasActiveCard(ctx, order.customerId))
    ? settings.card.pointsMultiplierBonus
    : 0
  const multiplier = tierOf(settings, account.tier).pointsMultiplier + cardBonus
  const points = Math.floor(yuan * settings.points.perYuan * multiplier)
  const key = `order:${order.orderId}:earn`
  if (points > 0)
    await post(ctx, 'points', {
      customerId: order.customerId,
      kind: 'earn',
      delta: points,
      key,
      orderId: order.orderId,
      reason: `Order ${order.orderId}`,
    })
  await addGrowth(ctx, {
    customerId: order.customerId,
    kind: 'earn',
    delta: yuan * settings.growth.perYuan,
    key,
    orderId: order.orderId,
    reason: `Order ${order.orderId}`,
  })
}

/**
 * Undoes what an order did, all of it (`share` absent) or a refund's share: redeemed points and
 * paid balance come back, earned points and growth are reversed (never below zero).
 */
async function undoOrder(
  ctx: MallContext,
  order: {
    orderId: string
    customerId: string
    key: string
    share?: { amount: number; total: number }
  },
) {
  // A customer without an account has nothing to undo (and gets no account from a refund).
  if (!(await readAccount(ctx, order.customerId))) return
  await undoForOrder(ctx, { ledger: 'points', of: 'redeem', undo: 'return' }, order)
  await undoForOrder(ctx, { ledger: 'balance', of: 'pay', undo: 'return' }, order)
  await undoForOrder(ctx, { ledger: 'points', of: 'earn', undo: 'reverse' }, order)
  await undoForOrder(ctx, { ledger: 'growth', of: 'earn', undo: 'reverse' }, order)
}

/** The plugin's hooks. All but `points-requested` run after commit, idempotent by their keys. */
export const membershipHooks = [
  defineHook({
    event: 'order.paid',
    name: 'card-on-paid',
    mode: 'afterCommit',
    handle: (ctx, event) => addPaidPeriods(ctx, event.payload.orderId, event.payload.customerId),
  }),
  /** Top-ups bought online: held (cap checked) at placement, credited once paid. */
  defineHook({
    event: 'order.placed',
    name: 'top-ups-on-placed',
    mode: 'inline',
    handle: (ctx, event) => holdTopUps(ctx, event.payload),
  }),
  defineHook({
    event: 'order.paid',
    name: 'top-ups-on-paid',
    mode: 'afterCommit',
    handle: (ctx, event) => creditTopUps(ctx, event.payload.orderId),
  }),
  /** A refund takes top-ups back before money moves (refused once spent); a failed one restores. */
  defineHook({
    event: 'payment.refund-requested',
    name: 'top-ups-on-refund-requested',
    mode: 'inline',
    handle: (ctx, event) => takeBackTopUps(ctx, event.payload),
  }),
  defineHook({
    event: 'payment.refund-failed',
    name: 'top-ups-on-refund-failed',
    mode: 'inline',
    handle: (ctx, event) => restoreTopUps(ctx, event.payload),
  }),
  defineHook({
    event: 'order.completed',
    name: 'earn-on-completed',
    mode: 'afterCommit',
    handle: (ctx, event) => earnForOrder(ctx, event.payload),
  }),
  defineHook({
    event: 'order.cancelled',
    name: 'return-on-cancel',
    mode: 'afterCommit',
    handle: async (ctx, event) => {
      await revokeOrderPeriods(ctx, event.payload.orderId)
      await cancelTopUps(ctx, event.payload.orderId)
      await undoOrder(ctx, {
        orderId: event.payload.orderId,
        customerId: event.payload.customerId,
        key: `order:${event.payload.orderId}:cancel`,
      })
    },
  }),
  defineHook({
    event: 'payment.refunded',
    name: 'return-on-refund',
    mode: 'afterCommit',
    handle: async (ctx, event) => {
      const { orderId, refundId, amount, paymentAmount, full } = event.payload
      const order = await ctx.db
        .selectFrom('core__order')
        .select(['customer_id'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', orderId)
        .executeTakeFirst()
      if (!order) return
      if (full) await revokeOrderPeriods(ctx, orderId)
      await undoOrder(ctx, {
        orderId,
        customerId: order.customer_id,
        key: `refund:${refundId}`,
        // The refund's share of the payment (for an order the balance paid in full, of what
        // the balance paid: the core never reports a payment of 0).
        ...(full ? {} : { share: { amount, total: paymentAmount } }),
      })
    },
  }),
  defineHook({
    event: 'customer.registered',
    name: 'registration-points',
    mode: 'afterCommit',
    handle: async (ctx, event) => {
      const { points } = await ctx.settingsOf(manifest)
      await lockAccount(ctx, event.payload.customerId)
      if (points.registration > 0)
        await post(ctx, 'points', {
          customerId: event.payload.customerId,
          kind: 'registration',
          delta: points.registration,
          key: 'registration',
          reason: 'Welcome points',
        })
    },
  }),
  /** Points for a published review or buyer show, never depending on its rating. */
  defineHook({
    event: 'membership.review-published',
    name: 'review-published',
    mode: 'afterCommit',
    handle: async (ctx, event) => {
      await rewardReview(ctx, event.payload)
    },
  }),
  /** Other plugins' awards and deductions, applied in their transaction (see `events.ts`). */
  defineHook({
    event: 'membership.points-requested',
    name: 'points-requested',
    mode: 'inline',
    handle: async (ctx, event) => {
      const { customerId, points, key, reason } = event.payload
      await post(ctx, 'points', {
        customerId,
        kind: points > 0 ? 'award' : 'deduct',
        delta: points,
        key: `request:${key}`,
        reason,
      })
    },
  }),
]
