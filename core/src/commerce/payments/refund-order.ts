import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { cancelOrder } from '../orders/order-state.ts'
import './events.ts'
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency.ts'
import { toPaymentRecord } from './payment-rows.ts'
import { loadProviderRow } from './provider-config.ts'
import type { PaymentProvider, PaymentSite } from './provider.ts'
import type { PaymentProviderRegistry } from './registry.ts'
import { findRefund, type RefundView } from './refund-view.ts'
import { NO_PAYMENT_PROVIDER } from './settle-without-payment.ts'

type InMall = <T>(work: (ctx: MallContext) => Promise<T>) => Promise<T>

const SCOPE = 'core:refund'

/**
 * Refunds part or all of an order's payment, as a workflow of three steps: (1) in one
 * transaction, claim the idempotency key, check the amount against what is left and record a
 * pending refund; (2) outside it, ask the provider; (3) in a second transaction, record the
 * provider's answer and, once nothing paid is left unrefunded on an unshipped paid order, cancel
 * it. A provider failure marks the refund failed (the undo of step 1). A retry with the same key
 * and content answers the same refund (`created: false`). An order settled without payment (it
 * had nothing to pay) is refunded in shares of its settlement value and asks no provider: the
 * plugins give back what it took on `payment.refunded`.
 */
export async function refundOrder(
  inMall: InMall,
  providers: PaymentProviderRegistry,
  input: {
    orderId: string
    amount: number
    reason: string
    idempotencyKey: string | undefined
    site: PaymentSite
  },
): Promise<{ created: boolean; refund: RefundView }> {
  const claimed = await inMall(async (ctx) => {
    ctx.require('core:orders.manage')
    const order = await ctx.db
      .selectFrom('core__order')
      .select(['id', 'status'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.orderId)
      .forUpdate()
      .executeTakeFirst()
    if (!order) throw new MallError('not_found', 'No such order in this mall')
    const key = input.idempotencyKey
    if (!key || key.length > 200)
      throw new MallError(
        'validation_failed',
        'Send an Idempotency-Key header (1 to 200 characters)',
        {
          errors: [{ field: 'header.idempotency-key', message: 'required, 1 to 200 characters' }],
        },
      )
    const hash = requestHash({ orderId: input.orderId, amount: input.amount, reason: input.reason })
    const earlier = await claimIdempotencyKey(ctx, SCOPE, key, hash)
    if (earlier)
      return { kind: 'replay', refund: await findRefund(ctx, String(earlier.refundId)) } as const

    const payment = await ctx.db
      .selectFrom('core__payment')
      .selectAll()
      .where('tenant_id', '=', ctx.tenant.id)
      .where('order_id', '=', order.id)
      .where('status', '=', 'succeeded')
      .executeTakeFirst()
    if (!payment) throw new MallError('conflict', 'The order has no payment to refund')
    const left = Number(payment.amount) - (await refundedSoFar(ctx, payment.id))
    if (input.amount > left)
      throw new MallError('validation_failed', `At most ${left} can still be refunded`, {
        errors: [
          { field: 'body.amount', message: `at most ${left}, what is paid and not refunded yet` },
        ],
      })
    const provider =
      payment.provider === NO_PAYMENT_PROVIDER ? null : providers.get(payment.provider)
    const config = provider ? await refundConfig(ctx, provider) : {}
    const refund = await ctx.db
      .insertInto('core__refund')
      .values({
        tenant_id: ctx.tenant.id,
        payment_id: payment.id,
        order_id: order.id,
        amount: input.amount,
        status: 'pending',
        reason: input.reason,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await storeIdempotentResponse(ctx, SCOPE, key, { refundId: refund.id })
    // Inline hooks may refuse the refund here, before any money moves (a plugin whose credit
    // the order bought was spent already): the throw rolls this transaction back.
    await ctx.emit('payment.refund-requested', {
      refundId: refund.id,
      paymentId: payment.id,
      orderId: order.id,
      provider: payment.provider,
      amount: input.amount,
      paymentAmount: Number(payment.amount),
      currency: payment.currency,
      full: input.amount >= left,
    })
    await ctx.audit('payment.refund-requested', `order:${order.id}`, {
      refundId: refund.id,
      amount: input.amount,
      reason: input.reason,
    })
    return { kind: 'new', refundId: refund.id, payment, provider, config, now: ctx.now() } as const
  })
  if (claimed.kind === 'replay') return { created: false, refund: claimed.refund }

  const { refundId, payment, provider, config } = claimed
  let answer: Awaited<ReturnType<PaymentProvider['refund']>>
  try {
    answer = !provider
      ? { status: 'succeeded', providerRef: null }
      : await provider.refund({
          config,
          payment: toPaymentRecord(payment),
          refundId,
          amount: input.amount,
          reason: input.reason,
          site: input.site,
          now: claimed.now,
        })
  } catch (error) {
    await inMall((ctx) => failRefund(ctx, refundId, payment))
    throw error
  }

  const refund = await inMall(async (ctx) => {
    await setRefundStatus(ctx, refundId, answer.status, answer.providerRef)
    const full = (await refundedSoFar(ctx, payment.id)) >= Number(payment.amount)
    if (answer.status === 'succeeded')
      await ctx.emit('payment.refunded', {
        refundId,
        paymentId: payment.id,
        orderId: payment.order_id,
        provider: payment.provider,
        amount: input.amount,
        paymentAmount: Number(payment.amount),
        currency: payment.currency,
        full,
      })
    const order = await ctx.db
      .selectFrom('core__order')
      .select('status')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', payment.order_id)
      .executeTakeFirstOrThrow()
    if (full && order.status === 'paid')
      await cancelOrder(ctx, payment.order_id, 'refunded in full')
    return findRefund(ctx, refundId)
  })
  return { created: true, refund }
}

/** The stored config of the payment's provider (its defaults if none); 409 if it is incomplete. */
async function refundConfig(ctx: MallContext, provider: PaymentProvider) {
  const row = await loadProviderRow(ctx, provider.name)
  const parsed = provider.configSchema.safeParse(row?.config ?? {})
  if (!parsed.success)
    throw new MallError(
      'conflict',
      `${provider.name} is not configured in this mall: cannot refund`,
    )
  return parsed.data
}

/** Pending and succeeded refunds of a payment: money promised back counts as gone. */
async function refundedSoFar(ctx: MallContext, paymentId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('core__refund')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('payment_id', '=', paymentId)
    .where('status', 'in', ['pending', 'succeeded'])
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

/** Marks a refund failed and tells the hooks that took something back on request to restore it. */
async function failRefund(
  ctx: MallContext,
  refundId: string,
  payment: { id: string; order_id: string; provider: string },
): Promise<void> {
  await setRefundStatus(ctx, refundId, 'failed', null)
  await ctx.emit('payment.refund-failed', {
    refundId,
    paymentId: payment.id,
    orderId: payment.order_id,
    provider: payment.provider,
  })
}

async function setRefundStatus(
  ctx: MallContext,
  refundId: string,
  status: 'succeeded' | 'pending' | 'failed',
  providerRef: string | null,
): Promise<void> {
  await ctx.db
    .updateTable('core__refund')
    .set({ status, provider_ref: providerRef })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', refundId)
    .execute()
}
