import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { OrderDetailSchema, OrderPageSchema, OrderStatusSchema } from './order-schema.ts'
import { cancelOrder } from './order-state.ts'
import { listOrders, loadOrder } from './order-view.ts'
import { orderSettingsAdminRoutes } from './settings-routes.ts'
import { ShipmentInput, shipOrder } from './shipments.ts'

const Params = z.object({ orderId: z.uuid() })
const tags = ['admin']
const one = {
  200: json(OrderDetailSchema),
  ...commonErrors,
  409: { description: 'Not in a state that allows this' },
}
const Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: OrderStatusSchema.optional(),
  q: z.string().trim().min(1).max(30).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
})

const list = createRoute({
  method: 'get',
  path: '/orders',
  tags,
  summary:
    "The mall's orders, newest first; `q` matches the order number, `from`/`to` the time placed",
  request: { query: Query },
  responses: { 200: json(OrderPageSchema), ...commonErrors },
})
const get = createRoute({
  method: 'get',
  path: '/orders/{orderId}',
  tags,
  summary: 'One order: lines, timeline, shipments, payments',
  request: { params: Params },
  responses: one,
})
const ship = createRoute({
  method: 'post',
  path: '/orders/{orderId}/shipments',
  tags,
  summary: 'Records a parcel (partial shipping allowed)',
  request: { params: Params, ...jsonBody(ShipmentInput) },
  responses: { ...one, 201: json(OrderDetailSchema) },
})
const cancel = createRoute({
  method: 'post',
  path: '/orders/{orderId}/cancel',
  tags,
  summary: 'Cancels an unpaid order (paid orders are cancelled by a refund)',
  request: { params: Params, ...jsonBody(z.object({ reason: z.string().trim().min(1).max(200) })) },
  responses: one,
})

/** `/api/admin/orders` (the merchant's order desk) and `/api/admin/order-settings`. */
export function orderAdminRoutes(_services: CoreServices) {
  return createRouter()
    .route('/', orderSettingsAdminRoutes())
    .openapi(list, async (c) => {
      const filter = c.req.valid('query')
      const page = await c.var.inMall((ctx) => {
        ctx.require('core:orders.read')
        return listOrders(ctx, filter)
      })
      return c.json(page, 200)
    })
    .openapi(get, async (c) => {
      const { orderId } = c.req.valid('param')
      const order = await c.var.inMall((ctx) => {
        ctx.require('core:orders.read')
        return loadOrder(ctx, orderId, { withPayments: true })
      })
      if (!order) throw new MallError('not_found', 'No such order')
      return c.json(order, 200)
    })
    .openapi(ship, async (c) => {
      const { orderId } = c.req.valid('param')
      const input = c.req.valid('json')
      const order = await c.var.inMall(async (ctx) => {
        ctx.require('core:orders.manage')
        const shipmentId = await shipOrder(ctx, orderId, input)
        await ctx.audit('order.shipped', `order:${orderId}`, { shipmentId, carrier: input.carrier })
        return loadOrder(ctx, orderId, { withPayments: true })
      })
      return c.json(order!, 201)
    })
    .openapi(cancel, async (c) => {
      const { orderId } = c.req.valid('param')
      const { reason } = c.req.valid('json')
      const order = await c.var.inMall(async (ctx) => {
        ctx.require('core:orders.manage')
        if (await cancelOrder(ctx, orderId, reason, { unpaidOnly: true }))
          await ctx.audit('order.cancelled', `order:${orderId}`, { reason })
        return loadOrder(ctx, orderId, { withPayments: true })
      })
      return c.json(order!, 200)
    })
}
