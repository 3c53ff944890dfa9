import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { toPaymentRecord } from './payment-rows.ts'
import { usableConfig } from './provider-config.ts'
import type { NextStep, PaymentProvider, PaymentSite } from './provider.ts'

type InMall = <T>(work: (ctx: MallContext) => Promise<T>) => Promise<T>

/**
 * Starts paying an order of `customerId` with `provider`: records a pending payment for the order
 * total (one transaction), then asks the provider what the customer does next (outside it, as
 * that may call the gateway). If the provider fails, the payment is marked failed: its undo.
 */
export async function startPayment(
  inMall: InMall,
  input: { orderId: string; customerId: string; provider: PaymentProvider; site: PaymentSite },
): Promise<{ paymentId: string; next: NextStep }> {
  const { provider } = input
  const started = await inMall(async (ctx) => {
    const order = await ctx.db
      .selectFrom('core__order')
      .select(['id', 'number', 'status', 'total', 'currency'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.orderId)
      .where('customer_id', '=', input.customerId)
      .executeTakeFirst()
    if (!order) throw new MallError('not_found', 'No such order of yours')
    if (!provider.customerFacing)
      throw new MallError('validation_failed', `${provider.name} payments are recorded by staff`, {
        errors: [{ field: 'body.provider', message: 'not a payment method customers can start' }],
      })
    if (order.status !== 'pending_payment')
      throw new MallError(
        'conflict',
        `The order is ${order.status.replace('_', ' ')}, not awaiting payment`,
      )
    if (Number(order.total) <= 0) throw new MallError('conflict', 'The order has nothing to pay')
    const config = await usableConfig(ctx, provider)
    const row = await ctx.db
      .insertInto('core__payment')
      .values({
        tenant_id: ctx.tenant.id,
        order_id: order.id,
        provider: provider.name,
        status: 'pending',
        amount: Number(order.total),
        currency: order.currency,
        created_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return { row, config, orderNumber: order.number, now: ctx.now() }
  })
  const payment = toPaymentRecord(started.row)
  try {
    const next = await provider.createPayment({
      config: started.config,
      payment,
      orderNumber: started.orderNumber,
      site: input.site,
      now: started.now,
    })
    return { paymentId: payment.id, next }
  } catch (error) {
    await inMall((ctx) =>
      ctx.db
        .updateTable('core__payment')
        .set({ status: 'failed' })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', payment.id)
        .where('status', '=', 'pending')
        .execute(),
    )
    throw error
  }
}
