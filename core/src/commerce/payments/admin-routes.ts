import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { findOrderStatus } from '../orders/order-view.ts'
import { recordManualPayment } from './manual/record-manual-payment.ts'
import { paymentsOfOrder } from './payment-rows.ts'
import { siteOf } from './payment-site.ts'
import { refundOrder } from './refund-order.ts'
import { toRefundView } from './refund-view.ts'
import { paymentProvidersOf } from './registry.ts'
import { providerAdminRoutes } from './provider-admin-routes.ts'

const Money = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const RefundSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    paymentId: z.uuid(),
    amount: z.number().int(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    reason: z.string(),
    providerRef: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Refund')

const OrderParam = z.object({ orderId: z.uuid() })

const manualPayment = createRoute({
  method: 'post',
  path: '/orders/{orderId}/payments/manual',
  tags: ['admin'],
  summary: 'Record a cash-on-delivery or bank-transfer payment of the order total',
  request: {
    params: OrderParam,
    ...jsonBody(z.object({ amount: Money, reference: z.string().trim().min(1).max(200) })),
  },
  responses: {
    201: json(z.object({ paymentId: z.uuid() }), 'Recorded'),
    ...commonErrors,
    409: { description: 'The order is not awaiting payment' },
  },
})

const refund = createRoute({
  method: 'post',
  path: '/orders/{orderId}/refunds',
  tags: ['admin'],
  summary:
    'Refund part or all of the payment through its provider (Idempotency-Key header required); a full refund of an unshipped order cancels it',
  request: {
    params: OrderParam,
    headers: z.object({ 'idempotency-key': z.string().optional() }),
    ...jsonBody(z.object({ amount: Money, reason: z.string().trim().max(200).default('') })),
  },
  responses: {
    201: json(RefundSchema, 'Refund made'),
    200: json(RefundSchema, 'The refund an earlier request with this key made'),
    ...commonErrors,
    409: { description: 'The order has no payment to refund' },
    502: { description: 'The provider refused the refund' },
  },
})

const listPayments = createRoute({
  method: 'get',
  path: '/orders/{orderId}/payments',
  tags: ['admin'],
  summary: "The order's payments and refunds",
  request: { params: OrderParam },
  responses: {
    200: json(
      z.object({
        payments: z.array(
          z.object({
            id: z.uuid(),
            provider: z.string(),
            status: z.string(),
            amount: z.number().int(),
            providerRef: z.string().nullable(),
            createdAt: z.string(),
          }),
        ),
        refunds: z.array(RefundSchema),
      }),
    ),
    ...commonErrors,
  },
})

/** `/api/admin`: payment settings, manual payments, refunds and an order's payments. */
export function paymentAdminRoutes(services: CoreServices) {
  const providers = paymentProvidersOf(services)
  return createRouter()
    .route('/', providerAdminRoutes(services))
    .openapi(manualPayment, async (c) => {
      const { orderId } = c.req.valid('param')
      const body = c.req.valid('json')
      const result = await c.var.inMall((ctx) => recordManualPayment(ctx, orderId, body))
      return c.json(result, 201)
    })
    .openapi(refund, async (c) => {
      const { orderId } = c.req.valid('param')
      const body = c.req.valid('json')
      const result = await refundOrder(c.var.inMall, providers, {
        orderId,
        amount: body.amount,
        reason: body.reason,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        site: siteOf(c),
      })
      return result.created ? c.json(result.refund, 201) : c.json(result.refund, 200)
    })
    .openapi(listPayments, async (c) => {
      const { orderId } = c.req.valid('param')
      const result = await c.var.inMall(async (ctx) => {
        ctx.require('core:orders.read')
        if (!(await findOrderStatus(ctx, orderId)))
          throw new MallError('not_found', 'No such order in this mall')
        const payments = await paymentsOfOrder(ctx, orderId)
        const refunds = await ctx.db
          .selectFrom('core__refund')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .where('order_id', '=', orderId)
          .orderBy('created_at')
          .execute()
        return {
          payments: payments.map((p) => ({
            id: p.id,
            provider: p.provider,
            status: p.status,
            amount: Number(p.amount),
            providerRef: p.provider_ref,
            createdAt: p.created_at.toISOString(),
          })),
          refunds: refunds.map(toRefundView),
        }
      })
      return c.json(result, 200)
    })
}
