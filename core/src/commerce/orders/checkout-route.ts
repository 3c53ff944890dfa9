import { createRoute } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { currentCustomer } from '../../http/session-guards.ts'
import type { CoreServices } from '../../services.ts'
import { checkoutHash, CheckoutInput, IdempotencyHeaders } from './checkout-schema.ts'
import { OrderDetailSchema } from './order-schema.ts'
import { loadOrder } from './order-view.ts'
import { orderByIdempotencyKey, placeOrder } from './place-order.ts'

const checkout = createRoute({
  method: 'post',
  path: '/checkout',
  tags: ['store'],
  summary: 'Places an order (idempotent by the Idempotency-Key header)',
  description:
    'A retry with the same key and body answers 200 with the same order; the same key with another body is a 422 naming `header.idempotency-key`. Out of stock is a 409 naming the item.',
  request: { headers: IdempotencyHeaders, ...jsonBody(CheckoutInput) },
  responses: {
    201: json(OrderDetailSchema, 'Placed'),
    200: json(OrderDetailSchema, 'Placed before with this key'),
    ...commonErrors,
    409: { description: 'Out of stock or not on sale' },
  },
})

const isRace = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === '23505' ||
  (error instanceof MallError && error.code === 'conflict')

/** `POST /api/store/checkout`: the signed-in customer places an order. */
export function checkoutRoutes(services: CoreServices) {
  return createRouter().openapi(checkout, async (c) => {
    const customer = currentCustomer(c)
    const key = c.req.valid('header')['idempotency-key']
    const input = c.req.valid('json')
    const requestHash = checkoutHash(input)
    const place = { customerId: customer.id, idempotencyKey: key, requestHash, input }
    try {
      const result = await c.var.inMall(async (ctx) => {
        const existing = await orderByIdempotencyKey(ctx, customer.id, key, requestHash)
        if (existing) return { created: false, order: await loadOrder(ctx, existing) }
        return { created: true, orderId: await placeOrder(ctx, services.plugins, place) }
      })
      // Read back after commit: the stock and counter locks are released by then.
      const order = result.order ?? (await c.var.inMall((ctx) => loadOrder(ctx, result.orderId!)))
      return c.json(order!, result.created ? 201 : 200)
    } catch (error) {
      // A concurrent request with the same key won the unique (tenant, customer, key) index, or
      // took the last unit of stock for this very order: answer with its order if there is one.
      if (!isRace(error)) throw error
      const order = await c.var.inMall(async (ctx) => {
        const existing = await orderByIdempotencyKey(ctx, customer.id, key, requestHash)
        return existing && loadOrder(ctx, existing)
      })
      if (!order) throw error
      return c.json(order, 200)
    }
  })
}
