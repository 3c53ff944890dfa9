import type { MallContext } from '../../context.ts'
import type { OrderStatus } from '../../db/commerce-schema.ts'
import { MallError } from '../../http/errors.ts'
import { consumeStock, releaseStock } from '../inventory/stock.ts'
import type { OrderEventPayload } from './events.ts'
import './events.ts'

/** Which status may follow which. Everything else is refused with 409. */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['partially_shipped', 'shipped'],
  shipped: ['received'],
  received: ['completed'],
  completed: [],
  cancelled: [],
}

const timestampColumn = {
  paid: 'paid_at',
  shipped: 'shipped_at',
  received: 'received_at',
  completed: 'completed_at',
  cancelled: 'cancelled_at',
} as const

const eventOf = {
  paid: 'order.paid',
  shipped: 'order.shipped',
  received: 'order.received',
  completed: 'order.completed',
  cancelled: 'order.cancelled',
} as const

/**
 * Moves an order to `to`, locking its row first so concurrent transitions serialise: records the
 * transition with actor and time, stamps the status time, and emits the matching event. Returns
 * false (and changes nothing) when the order is already in `to` and `to` is a terminal or
 * one-shot status, so retried notifications and jobs are harmless; refuses illegal moves with 409,
 * and with `from`, moves out of any other status too (checked under the lock, so a payment that
 * lands meanwhile is seen).
 */
export async function transitionOrder(
  ctx: MallContext,
  orderId: string,
  to: OrderStatus,
  data: Record<string, unknown> = {},
  from?: { statuses: readonly OrderStatus[]; refusal: string },
): Promise<boolean> {
  const order = await ctx.db
    .selectFrom('core__order')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst()
  if (!order) throw new MallError('not_found', 'No such order')
  if (order.status === to && to !== 'partially_shipped') return false
  if (from && !from.statuses.includes(order.status)) throw new MallError('conflict', from.refusal)
  if (!orderTransitions[order.status].includes(to))
    throw new MallError(
      'conflict',
      `An order that is ${order.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`,
    )

  const now = ctx.now()
  const stamp =
    to in timestampColumn ? { [timestampColumn[to as keyof typeof timestampColumn]]: now } : {}
  await ctx.db
    .updateTable('core__order')
    .set({
      status: to,
      ...stamp,
      ...(to === 'cancelled' ? { cancel_reason: String(data.reason ?? '') } : {}),
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .execute()
  await ctx.db
    .insertInto('core__order_transition')
    .values({
      tenant_id: ctx.tenant.id,
      order_id: orderId,
      from_status: order.status,
      to_status: to,
      actor_kind:
        ctx.actor.kind === 'staff' || ctx.actor.kind === 'customer' ? ctx.actor.kind : 'system',
      actor_id: 'id' in ctx.actor ? ctx.actor.id : null,
      data: JSON.stringify(data),
      created_at: now,
    })
    .execute()

  const payload: OrderEventPayload = {
    orderId,
    number: order.number,
    customerId: order.customer_id,
    total: order.total,
    currency: order.currency,
  }
  if (to === 'paid')
    await ctx.emit('order.paid', { ...payload, paymentId: String(data.paymentId ?? '') })
  else if (to === 'shipped' || to === 'partially_shipped')
    await ctx.emit('order.shipped', {
      ...payload,
      shipmentId: String(data.shipmentId ?? ''),
      complete: to === 'shipped',
    })
  else if (to === 'cancelled')
    await ctx.emit('order.cancelled', { ...payload, reason: String(data.reason ?? '') })
  else if (to in eventOf) await ctx.emit(eventOf[to as 'received' | 'completed'], payload)
  return true
}

/**
 * Records a confirmed payment on the order: the amount must equal the order total, the order moves
 * to `paid` and its stock reservations are consumed. Idempotent: paying a paid order again with
 * the same payment is a no-op (returns false).
 */
export async function markOrderPaid(
  ctx: MallContext,
  orderId: string,
  payment: { paymentId: string; amount: number },
): Promise<boolean> {
  const order = await ctx.db
    .selectFrom('core__order')
    .select(['total', 'status'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) throw new MallError('not_found', 'No such order')
  if (payment.amount !== Number(order.total))
    throw new MallError('conflict', `Paid ${payment.amount} but the order total is ${order.total}`)
  const moved = await transitionOrder(ctx, orderId, 'paid', { paymentId: payment.paymentId })
  if (moved) await consumeStock(ctx, orderId)
  return moved
}

/** Refuses to cancel a paid order outside a refund. */
const unpaidOnly = {
  statuses: ['pending_payment'],
  refusal: 'Only unpaid orders can be cancelled; a paid order is cancelled by refunding it',
} as const

/**
 * Cancels an order that is not shipped yet and puts its held stock back on sale. Idempotent:
 * cancelling a cancelled order is a no-op (returns false). Refunding a paid order is the payment
 * module's job; it calls this after the refund succeeds. With `unpaidOnly` (customers, staff, the
 * expiry job), a paid order is a 409, even one paid a moment ago.
 */
export async function cancelOrder(
  ctx: MallContext,
  orderId: string,
  reason: string,
  options: { unpaidOnly?: boolean } = {},
): Promise<boolean> {
  const moved = await transitionOrder(
    ctx,
    orderId,
    'cancelled',
    { reason },
    options.unpaidOnly ? unpaidOnly : undefined,
  )
  if (!moved) return false
  await releaseStock(ctx, orderId)
  return true
}
