import type { MallContext } from '../../../context.ts'
import { MallError } from '../../../http/errors.ts'
import { succeedPayment } from '../apply-notification.ts'

/**
 * Records money staff received outside Mallkit (cash on delivery, bank transfer) for a pending
 * order: the amount must be the order total. The payment succeeds, the order is paid, and the
 * mall's audit log says who recorded it with which reference.
 */
export async function recordManualPayment(
  ctx: MallContext,
  orderId: string,
  input: { amount: number; reference: string },
): Promise<{ paymentId: string }> {
  ctx.require('core:orders.manage')
  const order = await ctx.db
    .selectFrom('core__order')
    .select(['id', 'status', 'total', 'currency'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst()
  if (!order) throw new MallError('not_found', 'No such order in this mall')
  if (order.status !== 'pending_payment')
    throw new MallError(
      'conflict',
      `The order is ${order.status.replace('_', ' ')}, not awaiting payment`,
    )
  if (input.amount !== Number(order.total))
    throw new MallError('validation_failed', 'The amount is not the order total', {
      errors: [{ field: 'body.amount', message: `must be the order total, ${order.total}` }],
    })
  const now = ctx.now()
  const payment = await ctx.db
    .insertInto('core__payment')
    .values({
      tenant_id: ctx.tenant.id,
      order_id: order.id,
      provider: 'manual',
      status: 'pending',
      amount: input.amount,
      currency: order.currency,
      provider_ref: input.reference,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await succeedPayment(ctx, { ...payment, amount: Number(payment.amount) }, input.reference, now)
  await ctx.audit('payment.manual-recorded', `order:${order.id}`, {
    paymentId: payment.id,
    amount: input.amount,
    reference: input.reference,
  })
  return { paymentId: payment.id }
}
