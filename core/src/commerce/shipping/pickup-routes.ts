import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { PickupPointInput, PickupPointSchema } from './template-schema.ts'

const Params = z.object({ pickupPointId: z.uuid() })
const tags = ['admin']
const List = json(z.object({ items: z.array(PickupPointSchema) }))

const list = createRoute({
  method: 'get',
  path: '/pickup-points',
  tags,
  summary: "The mall's pickup points",
  responses: { 200: List, ...commonErrors },
})
const create = createRoute({
  method: 'post',
  path: '/pickup-points',
  tags,
  summary: 'Adds a pickup point where customers collect their orders',
  request: jsonBody(PickupPointInput),
  responses: { 201: json(PickupPointSchema), ...commonErrors },
})
const replace = createRoute({
  method: 'put',
  path: '/pickup-points/{pickupPointId}',
  tags,
  summary: 'Replaces a pickup point',
  request: { params: Params, ...jsonBody(PickupPointInput) },
  responses: { 200: json(PickupPointSchema), ...commonErrors },
})
const remove = createRoute({
  method: 'delete',
  path: '/pickup-points/{pickupPointId}',
  tags,
  summary: 'Deletes a pickup point (orders keep their snapshot of it)',
  request: { params: Params },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})
const storeList = createRoute({
  method: 'get',
  path: '/pickup-points',
  tags: ['store'],
  summary: 'Where a customer may collect an order (store pickup ships free)',
  responses: { 200: List, ...commonErrors },
})

/** The API shape of a `core__pickup_point` row. */
export function toPickupPoint(row: {
  id: string
  name: string
  address: string
  hours: string
  active: boolean
}) {
  return { id: row.id, name: row.name, address: row.address, hours: row.hours, active: row.active }
}

/** `/api/admin/pickup-points`: the mall's store-pickup locations. */
export function pickupPointAdminRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const rows = await c.var.inMall((ctx) => {
        ctx.require('core:settings.manage')
        return ctx.db
          .selectFrom('core__pickup_point')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .orderBy('name')
          .execute()
      })
      return c.json({ items: rows.map(toPickupPoint) }, 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const created = await ctx.db
          .insertInto('core__pickup_point')
          .values({ tenant_id: ctx.tenant.id, ...input })
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.audit('pickup-point.created', `pickup-point:${created.id}`)
        return created
      })
      return c.json(toPickupPoint(row), 201)
    })
    .openapi(replace, async (c) => {
      const { pickupPointId } = c.req.valid('param')
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const updated = await ctx.db
          .updateTable('core__pickup_point')
          .set(input)
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', pickupPointId)
          .returningAll()
          .executeTakeFirst()
        if (!updated) throw new MallError('not_found', 'No such pickup point')
        await ctx.audit('pickup-point.updated', `pickup-point:${pickupPointId}`)
        return updated
      })
      return c.json(toPickupPoint(row), 200)
    })
    .openapi(remove, async (c) => {
      const { pickupPointId } = c.req.valid('param')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const gone = await ctx.db
          .deleteFrom('core__pickup_point')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', pickupPointId)
          .returning('id')
          .executeTakeFirst()
        if (!gone) throw new MallError('not_found', 'No such pickup point')
        await ctx.audit('pickup-point.deleted', `pickup-point:${pickupPointId}`)
      })
      return c.body(null, 204)
    })
}

/** `/api/store/pickup-points`: the active pickup points, for the checkout's delivery choice. */
export function pickupPointStoreRoutes() {
  return createRouter().openapi(storeList, async (c) => {
    const rows = await c.var.inMall((ctx) =>
      ctx.db
        .selectFrom('core__pickup_point')
        .selectAll()
        .where('tenant_id', '=', ctx.tenant.id)
        .where('active', '=', true)
        .orderBy('name')
        .execute(),
    )
    return c.json({ items: rows.map(toPickupPoint) }, 200)
  })
}
