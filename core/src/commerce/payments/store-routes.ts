import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { MallError } from '../../http/errors.ts'
import { toProblem } from '../../http/problem.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { currentCustomer } from '../../http/session-guards.ts'
import type { CoreServices } from '../../services.ts'
import { paymentMethodRoutes } from './payment-methods.ts'
import { findPayment } from './payment-rows.ts'
import { siteOf } from './payment-site.ts'
import { startPayment } from './start-payment.ts'
import { receiveNotification } from './receive-notification.ts'
import { paymentProvidersOf } from './registry.ts'

const NextStepSchema = z
  .union([
    z.object({ type: z.literal('redirect'), url: z.string() }),
    z.object({ type: z.literal('qr_code'), content: z.string() }),
    z.object({ type: z.literal('client'), params: z.record(z.string(), z.string()) }),
  ])
  .openapi('PaymentNextStep')

const start = createRoute({
  method: 'post',
  path: '/orders/{orderId}/payments',
  tags: ['store'],
  summary: "Start paying one of the customer's orders awaiting payment; says what to do next",
  request: {
    params: z.object({ orderId: z.uuid() }),
    ...jsonBody(z.object({ provider: z.string().min(1).max(40) })),
  },
  responses: {
    201: json(z.object({ paymentId: z.uuid(), next: NextStepSchema }), 'Payment started'),
    ...commonErrors,
    409: { description: 'The order is not awaiting payment' },
  },
})

const status = createRoute({
  method: 'get',
  path: '/payments/{paymentId}',
  tags: ['store'],
  summary: "The status of one of the customer's payments (poll after showing a QR code)",
  request: { params: z.object({ paymentId: z.uuid() }) },
  responses: {
    200: json(
      z.object({ id: z.uuid(), orderId: z.uuid(), status: z.string(), amount: z.number() }),
    ),
    ...commonErrors,
  },
})

const sandboxNotify = createRoute({
  method: 'post',
  path: '/payments/sandbox/notify',
  tags: ['store'],
  summary: 'Webhook of the sandbox gateway (x-sandbox-signature: HMAC-SHA256, timestamped)',
  responses: {
    200: json(z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate']) })),
    ...commonErrors,
    409: { description: 'Replay refused' },
  },
})

const wechatNotify = createRoute({
  method: 'post',
  path: '/payments/wechat/notify',
  tags: ['store'],
  summary: 'Webhook of WeChat Pay API v3 (signed by the platform key, resource AES-256-GCM)',
  responses: {
    200: json(z.object({ code: z.literal('SUCCESS') })),
    400: json(z.object({ code: z.literal('FAIL'), message: z.string() }), 'Refused'),
  },
})

// No body validator on the webhooks: the signature covers the exact bytes, read raw.
async function notificationRequest(c: Context) {
  return { headers: new Headers(c.req.raw.headers), rawBody: await c.req.text() }
}

/** `/api/store/orders/{orderId}/payments`, `/api/store/payments/*`: paying, and gateway webhooks. */
export function paymentStoreRoutes(services: CoreServices) {
  const providers = paymentProvidersOf(services)
  return createRouter()
    .route('/', paymentMethodRoutes(providers))
    .openapi(start, async (c) => {
      const customer = currentCustomer(c)
      const { orderId } = c.req.valid('param')
      const { provider: name } = c.req.valid('json')
      if (!providers.names().includes(name))
        throw new MallError('validation_failed', `No payment provider called ${name}`, {
          errors: [{ field: 'body.provider', message: `one of ${providers.names().join(', ')}` }],
        })
      const started = await startPayment(c.var.inMall, {
        orderId,
        customerId: customer.id,
        provider: providers.get(name),
        site: siteOf(c),
      })
      return c.json(started, 201)
    })
    .openapi(status, async (c) => {
      const customer = currentCustomer(c)
      const { paymentId } = c.req.valid('param')
      const payment = await c.var.inMall(async (ctx) => {
        const row = await findPayment(ctx, paymentId)
        const mine = await ctx.db
          .selectFrom('core__order')
          .select('id')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', row.order_id)
          .where('customer_id', '=', customer.id)
          .executeTakeFirst()
        if (!mine) throw new MallError('not_found', 'No such payment of yours')
        return row
      })
      return c.json(
        {
          id: payment.id,
          orderId: payment.order_id,
          status: payment.status,
          amount: Number(payment.amount),
        },
        200,
      )
    })
    .openapi(sandboxNotify, async (c) => {
      const outcome = await receiveNotification(
        c.var.inMall,
        providers.get('sandbox'),
        await notificationRequest(c),
      )
      return c.json({ received: true as const, outcome }, 200)
    })
    .openapi(wechatNotify, async (c) => {
      try {
        await receiveNotification(
          c.var.inMall,
          providers.get('wechat'),
          await notificationRequest(c),
        )
        return c.json({ code: 'SUCCESS' as const }, 200)
      } catch (error) {
        if (!(error instanceof MallError) || error.status >= 500) throw error
        // WeChat Pay reads `{ code, message }` and retries anything that is not a 2xx.
        const problem = toProblem(error)
        return c.json({ code: 'FAIL' as const, message: problem.detail }, error.status as 400)
      }
    })
}
