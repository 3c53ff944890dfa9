import { createRoute, z } from '@hono/zod-openapi'
import { customerMatches } from '../db/sql-helpers.ts'
import { MallError } from '../http/errors.ts'
import {
  afterCursor,
  commonErrors,
  cursorTime,
  decodeCursor,
  keysetPage,
  json,
  PageQuery,
} from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'
import { customerDetailRoutes } from './customer-detail-routes.ts'

export const CustomerSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string(),
    createdAt: z.string(),
  })
  .openapi('Customer')

const list = createRoute({
  method: 'get',
  path: '/customers',
  tags: ['admin'],
  summary: "The mall's customers, newest first; `q` searches name, email and phone",
  request: { query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(CustomerSchema), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const get = createRoute({
  method: 'get',
  path: '/customers/{customerId}',
  tags: ['admin'],
  summary: 'One customer',
  request: { params: z.object({ customerId: z.uuid() }) },
  responses: { 200: json(CustomerSchema), ...commonErrors },
})

/** `/api/admin/customers`. */
export function customerAdminRoutes(_services: CoreServices) {
  return createRouter()
    .route('/', customerDetailRoutes())
    .openapi(list, async (c) => {
      const { limit, cursor, q } = c.req.valid('query')
      const after = decodeCursor(cursor)
      const rows = await c.var.inMall(async (ctx) => {
        ctx.require('core:customers.read')
        let query = ctx.db
          .selectFrom('core__customer')
          .selectAll()
          .select(cursorTime('created_at').as('cursor_at'))
          .where('tenant_id', '=', ctx.tenant.id)
        if (q) query = query.where(customerMatches(q))
        if (after) query = query.where(afterCursor('created_at', after))
        return query
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute()
      })
      const { page, nextCursor } = keysetPage(rows, limit)
      return c.json({ items: page.map(toCustomer), nextCursor }, 200)
    })
    .openapi(get, async (c) => {
      const { customerId } = c.req.valid('param')
      const row = await c.var.inMall(async (ctx) => {
        ctx.require('core:customers.read')
        return ctx.db
          .selectFrom('core__customer')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', customerId)
          .executeTakeFirst()
      })
      if (!row) throw new MallError('not_found', 'No such customer in this mall')
      return c.json(toCustomer(row), 200)
    })
}

export function toCustomer(row: {
  id: string
  email: string | null
  phone: string | null
  name: string
  created_at: Date
}) {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    name: row.name,
    createdAt: row.created_at.toISOString(),
  }
}
