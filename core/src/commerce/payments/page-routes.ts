import { createRoute, z } from '@hono/zod-openapi'
import { requireTenant } from '../../http/tenant-guard.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { findPayment } from './payment-rows.ts'
import { siteOf } from './payment-site.ts'
import { completeSandboxPayment } from './sandbox/sandbox-gateway.ts'
import { sandboxPage } from './sandbox/sandbox-page.ts'

const PaymentParam = z.object({ paymentId: z.uuid() })

const page = createRoute({
  method: 'get',
  path: '/sandbox/{paymentId}',
  tags: ['store'],
  summary: "The sandbox gateway's hosted pay page (HTML)",
  request: { params: PaymentParam },
  responses: {
    200: { description: 'The pay page', content: { 'text/html': { schema: z.string() } } },
  },
})

const complete = createRoute({
  method: 'post',
  path: '/sandbox/{paymentId}/complete',
  tags: ['store'],
  summary: "The pay page's Pay / Fail buttons: the sandbox gateway then notifies the mall",
  request: {
    params: PaymentParam,
    body: {
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({ outcome: z.enum(['pay', 'fail']) }),
        },
      },
      required: true,
    },
  },
  responses: { 303: { description: 'Back to the pay page, which shows the outcome' } },
})

/** `/pay/sandbox/*` on the mall's host: the simulated gateway's hosted pay page. */
export function paymentPageRoutes(_services: CoreServices) {
  const router = createRouter()
  router.use('*', requireTenant)
  return router
    .openapi(page, async (c) => {
      const { paymentId } = c.req.valid('param')
      const payment = await c.var.inMall((ctx) =>
        findPayment(ctx, paymentId, { provider: 'sandbox' }),
      )
      const site = siteOf(c)
      c.header('cache-control', 'no-store')
      return c.html(
        sandboxPage({
          mallName: site.mallName,
          paymentId: payment.id,
          amount: Number(payment.amount),
          currency: payment.currency,
          status: payment.status,
          completeUrl: `${site.prefix}/pay/sandbox/${payment.id}/complete`,
          returnUrl: `${site.prefix}/orders/${payment.order_id}/pay?payment=${payment.id}`,
        }),
        200,
      )
    })
    .openapi(complete, async (c) => {
      const { paymentId } = c.req.valid('param')
      const { outcome } = c.req.valid('form')
      await completeSandboxPayment(c.var.inMall, paymentId, outcome)
      return c.redirect(`${siteOf(c).prefix}/pay/sandbox/${paymentId}`, 303)
    })
}
