import type { MallContext } from '@mallkit/core/plugin'
import { lockAccount, orderTotal, post, type LedgerName } from './ledger.ts'

/** What an order took from a ledger (points redeemed, balance paid) under its placement key. */
export async function takeForOrder(
  ctx: MallContext,
  ledger: 'points' | 'balance',
  take: { customerId: string; orderId: string; amount: number },
) {
  return post(ctx, ledger, {
    customerId: take.customerId,
    kind: ledger === 'points' ? 'redeem' : 'pay',
    delta: -take.amount,
    key: `order:${take.orderId}:take`,
    orderId: take.orderId,
    reason: `Order ${take.orderId}`,
  })
}

/** Which entries an undo reverses: what the order did (`of`) and the kind that undoes it. */
export type UndoPair =
  | { ledger: 'points'; of: 'redeem'; undo: 'return' }
  | { ledger: 'points'; of: 'earn'; undo: 'reverse' }
  | { ledger: 'balance'; of: 'pay'; undo: 'return' }
  | { ledger: 'growth'; of: 'earn'; undo: 'reverse' }

/**
 * Undoes what an order did to a ledger: all that is left of it (a cancelled order, a full
 * refund), or a refund's share of it (`share.amount` of the `share.total` paid). Under the account
 * lock, what was already undone for the order is subtracted first, so the undos of one order never
 * add up to more than it did, whatever the number and order of refunds. Reversing credits already
 * spent takes only what is left of the balance (it never goes negative). Returns the amount undone.
 */
export async function undoForOrder(
  ctx: MallContext,
  pair: UndoPair,
  order: {
    customerId: string
    orderId: string
    key: string
    share?: { amount: number; total: number } | undefined
  },
): Promise<number> {
  const ledger: LedgerName = pair.ledger
  await lockAccount(ctx, order.customerId)
  const done = await orderTotal(ctx, ledger, order.orderId, [pair.of])
  const undone = await orderTotal(ctx, ledger, order.orderId, [pair.undo])
  const left = Math.abs(done) - Math.abs(undone)
  const share = order.share
  const portion =
    share && share.total > 0
      ? Math.min(left, Math.floor((Math.abs(done) * share.amount) / share.total))
      : left
  if (portion <= 0) return 0
  const delta = done < 0 ? portion : -portion
  const { entry } = await post(ctx, ledger, {
    customerId: order.customerId,
    kind: pair.undo,
    delta,
    key: order.key,
    orderId: order.orderId,
    reason: `Order ${order.orderId}`,
    clamp: delta < 0,
  })
  return Math.abs(entry?.delta ?? 0)
}
