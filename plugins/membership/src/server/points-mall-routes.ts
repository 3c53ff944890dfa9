import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  commonErrors,
  createRouter,
  currentCustomer,
  IdempotencyHeaders,
  json,
  jsonBody,
  type MallEnv,
} from '@mallkit/core/plugin'
import { exchange, listOffers, mallStanding } from './points-mall.ts'
import { ExchangeView, MallStanding, PublicMallItem } from './points-mall-views.ts'
import {
  createItem,
  deleteItem,
  editItem,
  findItem,
  listItems,
  MallItemEdit,
  MallItemInput,
  MallItemQuery,
  MallItemView,
  mallItemView,
  POINTS_MALL_MANAGE,
} from './points-mall-items.ts'
import { refused, tags } from './schemas.ts'

const ItemParams = z.object({ itemId: z.uuid() })

const offers = createRoute({
  method: 'get',
  path: '/points-mall',
  tags,
  summary: 'The points mall: active items with their points price and what is left (public)',
  responses: { 200: json(z.object({ items: z.array(PublicMallItem) })), ...commonErrors },
})

const standing = createRoute({
  method: 'get',
  path: '/points-mall/me',
  tags,
  summary: 'My points and how many of each item I exchanged',
  responses: { 200: json(MallStanding), ...commonErrors },
})

const exchangeRoute = createRoute({
  method: 'post',
  path: '/points-mall/{itemId}/exchange',
  tags,
  summary:
    'Exchanges points for an item (its coupon lands in my wallet); the same Idempotency-Key exchanges once',
  request: { params: ItemParams, headers: IdempotencyHeaders },
  responses: {
    201: json(ExchangeView, 'Exchanged'),
    200: json(ExchangeView, 'Exchanged before with this Idempotency-Key'),
    ...commonErrors,
    ...refused,
  },
})

/** `/api/store/p/membership/points-mall`: the public list, the customer's standing, exchanges. */
export function pointsMallStoreRoutes(): OpenAPIHono<MallEnv> {
  return createRouter()
    .openapi(offers, async (c) => {
      const items = await c.var.inMall((ctx) => listOffers(ctx))
      // The same for every visitor: shared caches may keep it briefly.
      c.header('cache-control', 'public, max-age=15')
      return c.json({ items }, 200)
    })
    .openapi(standing, async (c) => {
      const customer = currentCustomer(c)
      return c.json(await c.var.inMall((ctx) => mallStanding(ctx, customer.id)), 200)
    })
    .openapi(exchangeRoute, async (c) => {
      const customer = currentCustomer(c)
      const { itemId } = c.req.valid('param')
      const key = c.req.valid('header')['idempotency-key']
      const result = await c.var.inMall((ctx) => exchange(ctx, customer.id, itemId, key))
      return c.json(result.exchange, result.created ? 201 : 200)
    })
}

const list = createRoute({
  method: 'get',
  path: '/points-mall/items',
  tags,
  summary: 'Points mall items, newest first; `q` matches the name, `active` filters',
  request: { query: MallItemQuery },
  responses: {
    200: json(z.object({ items: z.array(MallItemView), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const detail = createRoute({
  method: 'get',
  path: '/points-mall/items/{itemId}',
  tags,
  summary: 'One points mall item',
  request: { params: ItemParams },
  responses: { 200: json(MallItemView), ...commonErrors },
})

const create = createRoute({
  method: 'post',
  path: '/points-mall/items',
  tags,
  summary: 'Lists a coupon in the points mall for a points price (audited)',
  request: jsonBody(MallItemInput),
  responses: { 201: json(MallItemView, 'Created'), ...commonErrors },
})

const edit = createRoute({
  method: 'patch',
  path: '/points-mall/items/{itemId}',
  tags,
  summary: 'Edits an item; stock never below what was exchanged (audited)',
  request: { params: ItemParams, ...jsonBody(MallItemEdit) },
  responses: { 200: json(MallItemView), ...commonErrors, ...refused },
})

const remove = createRoute({
  method: 'delete',
  path: '/points-mall/items/{itemId}',
  tags,
  summary: 'Deletes an item from the points mall (its exchanges are kept; audited)',
  request: { params: ItemParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})

/** `/api/admin/p/membership/points-mall/items`: staff holding `membership:points-mall.manage`. */
export function pointsMallAdminRoutes(): OpenAPIHono<MallEnv> {
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query')
      return c.json(await c.var.inMall((ctx) => listItems(ctx, query)), 200)
    })
    .openapi(detail, async (c) => {
      const { itemId } = c.req.valid('param')
      const item = await c.var.inMall(async (ctx) => {
        ctx.require(POINTS_MALL_MANAGE)
        return mallItemView(await findItem(ctx, itemId))
      })
      return c.json(item, 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => createItem(ctx, input)), 201)
    })
    .openapi(edit, async (c) => {
      const { itemId } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await c.var.inMall((ctx) => editItem(ctx, itemId, input)), 200)
    })
    .openapi(remove, async (c) => {
      const { itemId } = c.req.valid('param')
      await c.var.inMall((ctx) => deleteItem(ctx, itemId))
      return c.body(null, 204)
    })
}
