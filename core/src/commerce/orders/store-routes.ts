import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { currentCustomer } from '../../http/session-guards.ts'
import type { CoreServices } from '../../services.ts'
import { checkoutPreviewRoutes } from './checkout-preview-route.ts'
import { checkoutRoutes } from './checkout-route.ts'
import { mediaBase } from '../storage/media-url.ts'
import { storageFor } from '../storage/storage.ts'
import { receiveOrder } from './order-jobs.ts'
import { orderPreviews, type OrderPreview } from './order-previews.ts'
import { OrderDetailSchema, OrderStatusSchema, StoreOrderPageSchema } from './order-schema.ts'
import { cancelOrder } from './order-state.ts'
import { findOrderStatus, listOrders, loadOrder } from './order-view.ts'

const Params = z.object({ orderId: z.uuid() })
const Page = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** Only orders in these statuses, comma-separated (`paid,partially_shipped`). */
  status: z
    .string()
    .max(200)
    .transform((value) => value.split(','))
    .pipe(z.array(OrderStatusSchema).min(1).max(7))
    .optional(),
})
const tags = ['store']
const one = {
  200: json(OrderDetailSchema),
  ...commonErrors,
  409: { description: 'Not in a state that allows this' },
}

const list = createRoute({
  method: 'get',
  path: '/orders',
  tags,
  summary: 'My orders, newest first, each with a preview of its lines',
  request: { query: Page },
  responses: { 200: json(StoreOrderPageSchema), ...commonErrors },
})
const get = createRoute({
  method: 'get',
  path: '/orders/{orderId}',
  tags,
  summary: 'One of my orders, with its tracking timeline',
  request: { params: Params },
  responses: one,
})
const cancel = createRoute({
  method: 'post',
  path: '/orders/{orderId}/cancel',
  tags,
  summary: 'Cancels my unpaid order',
  request: { params: Params },
  responses: one,
})
const receive = createRoute({
  method: 'post',
  path: '/orders/{orderId}/receive',
  tags,
  summary: 'Confirms receipt of my shipped order',
  request: { params: Params },
  responses: one,
})

/** `/api/store/checkout` and `/api/store/orders`: the signed-in customer's orders. */
export function orderStoreRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  const media = (c: Context) => ({ storage, base: mediaBase(c) })
  return createRouter()
    .route('/', checkoutRoutes(services))
    .route('/', checkoutPreviewRoutes(services))
    .openapi(list, async (c) => {
      const customer = currentCustomer(c)
      const { limit, cursor, status } = c.req.valid('query')
      const page = await c.var.inMall(async (ctx) => {
        const found = await listOrders(ctx, { limit, cursor, status, customerId: customer.id })
        const previews = await orderPreviews(
          ctx,
          found.items.map((o) => o.id),
          media(c),
        )
        const none: OrderPreview = { itemCount: 0, lineCount: 0, firstTitle: {}, imageUrls: [] }
        return {
          items: found.items.map((o) => ({ ...o, preview: previews.get(o.id) ?? none })),
          nextCursor: found.nextCursor,
        }
      })
      return c.json(page, 200)
    })
    .openapi(get, async (c) => {
      const customer = currentCustomer(c)
      const { orderId } = c.req.valid('param')
      const order = await c.var.inMall((ctx) =>
        loadOrder(ctx, orderId, { customerId: customer.id, media: media(c) }),
      )
      if (!order) throw new MallError('not_found', 'No such order')
      return c.json(order, 200)
    })
    .openapi(cancel, async (c) => {
      const customer = currentCustomer(c)
      const { orderId } = c.req.valid('param')
      const order = await c.var.inMall(async (ctx) => {
        if (!(await findOrderStatus(ctx, orderId, customer.id)))
          throw new MallError('not_found', 'No such order')
        await cancelOrder(ctx, orderId, 'cancelled by the customer', { unpaidOnly: true })
        return loadOrder(ctx, orderId, { media: media(c) })
      })
      return c.json(order!, 200)
    })
    .openapi(receive, async (c) => {
      const customer = currentCustomer(c)
      const { orderId } = c.req.valid('param')
      const order = await c.var.inMall(async (ctx) => {
        if (!(await findOrderStatus(ctx, orderId, customer.id)))
          throw new MallError('not_found', 'No such order')
        await receiveOrder(ctx, orderId)
        return loadOrder(ctx, orderId, { media: media(c) })
      })
      return c.json(order!, 200)
    })
}
