import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { markOrderPaid } from '../orders/order-state.ts'
import './events.ts'
import { findPayment } from './payment-rows.ts'
import type { VerifiedNotification } from './provider.ts'

/** What applying a notification did: moved the payment, or found it already recorded. */
export type NotificationOutcome = 'applied' | 'duplicate'

/**
 * Applies a verified notification in the caller's transaction: records it once (by provider and
 * notification id), then moves a pending payment to succeeded (and its order to paid) or failed.
 * The payment row is locked first, so concurrent deliveries serialise on it. A new delivery of a
 * recorded notification with the same content is a `duplicate` and moves nothing; the same
 * delivery again (same nonce) or different content under a recorded id is a replay: 409.
 * Unknown payment: 404; an amount other than the payment's: 422. Any throw writes nothing. Money
 * that arrives for an order cancelled meanwhile is recorded (audited `payment.paid-after-cancel`)
 * and left for staff to refund; the order stays cancelled.
 */
export async function applyNotification(
  ctx: MallContext,
  provider: string,
  notification: VerifiedNotification,
): Promise<NotificationOutcome> {
  const payment = await findPayment(ctx, notification.paymentId, {
    provider,
    lock: true,
    field: 'body.paymentId',
  })
  if (notification.amount !== Number(payment.amount))
    throw new MallError('validation_failed', 'The notified amount is not the payment amount', {
      errors: [{ field: 'body.amount', message: `must be ${payment.amount}` }],
    })

  const content = {
    paymentId: notification.paymentId,
    amount: notification.amount,
    status: notification.status,
  }
  const inserted = await ctx.db
    .insertInto('core__payment_notification')
    .values({
      tenant_id: ctx.tenant.id,
      provider,
      notification_id: notification.notificationId,
      payment_id: payment.id,
      received_at: ctx.now(),
      body: JSON.stringify({
        ...content,
        deliveryId: notification.deliveryId,
        decoded: notification.body,
      }),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('notification_id')
    .executeTakeFirst()
  if (!inserted) {
    const recorded = await ctx.db
      .selectFrom('core__payment_notification')
      .select('body')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('provider', '=', provider)
      .where('notification_id', '=', notification.notificationId)
      .executeTakeFirstOrThrow()
    const body = recorded.body as Record<string, unknown>
    const same =
      body.paymentId === content.paymentId &&
      body.amount === content.amount &&
      body.status === content.status
    if (!same || body.deliveryId === notification.deliveryId)
      throw new MallError('conflict', 'This notification was already received: replay refused')
    return 'duplicate'
  }

  if (payment.status !== 'pending') return 'duplicate'
  const now = ctx.now()
  if (notification.status === 'failed') {
    await ctx.db
      .updateTable('core__payment')
      .set({ status: 'failed', provider_ref: notification.providerRef ?? payment.provider_ref })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', payment.id)
      .execute()
    return 'applied'
  }
  const order = await ctx.db
    .selectFrom('core__order')
    .select('status')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', payment.order_id)
    .executeTakeFirstOrThrow()
  if (order.status === 'cancelled') {
    // The customer paid after the order expired: the money is real, so the payment is recorded
    // as succeeded and flagged for staff to refund it; the order stays cancelled (no order.paid,
    // no payment.succeeded for hooks to act on).
    await ctx.db
      .updateTable('core__payment')
      .set({
        status: 'succeeded',
        succeeded_at: now,
        provider_ref: notification.providerRef ?? payment.provider_ref,
      })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', payment.id)
      .execute()
    await ctx.audit('payment.paid-after-cancel', `order:${payment.order_id}`, {
      paymentId: payment.id,
      amount: Number(payment.amount),
    })
    ctx.log.warn(
      { paymentId: payment.id, orderId: payment.order_id },
      'payment succeeded on a cancelled order: refund it',
    )
    return 'applied'
  }
  await succeedPayment(
    ctx,
    { ...payment, amount: Number(payment.amount) },
    notification.providerRef,
    now,
  )
  return 'applied'
}

/**
 * Marks a payment succeeded and its order paid, in the caller's transaction: 409 when the order
 * already has another succeeded payment or can no longer be paid (cancelled meanwhile).
 * `orderAmount` is what the payment pays of the order total: its amount, except for the payment
 * that settles an order with nothing to pay (`settleWithoutPayment`), which pays 0.
 */
export async function succeedPayment(
  ctx: MallContext,
  payment: {
    id: string
    order_id: string
    provider: string
    amount: number
    currency: string
    provider_ref: string | null
  },
  providerRef: string | null,
  now: Date,
  orderAmount: number = payment.amount,
): Promise<void> {
  const other = await ctx.db
    .selectFrom('core__payment')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', payment.order_id)
    .where('status', '=', 'succeeded')
    .where('id', '!=', payment.id)
    .executeTakeFirst()
  if (other) throw new MallError('conflict', 'This order is already paid by another payment')
  await ctx.db
    .updateTable('core__payment')
    .set({
      status: 'succeeded',
      succeeded_at: now,
      provider_ref: providerRef ?? payment.provider_ref,
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', payment.id)
    .execute()
  await markOrderPaid(ctx, payment.order_id, { paymentId: payment.id, amount: orderAmount })
  await ctx.emit('payment.succeeded', {
    paymentId: payment.id,
    orderId: payment.order_id,
    provider: payment.provider,
    amount: payment.amount,
    currency: payment.currency,
  })
}
