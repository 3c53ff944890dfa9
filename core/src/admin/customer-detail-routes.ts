import { createRoute, z } from '@hono/zod-openapi'
import { OrderPageSchema } from '../commerce/orders/order-schema.ts'
import { listOrders } from '../commerce/orders/order-view.ts'
import { AddressSchema, toAddress } from '../commerce/shipping/address-schema.ts'
import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'

const Params = z.object({ customerId: z.uuid() })

const addresses = createRoute({
  method: 'get',
  path: '/customers/{customerId}/addresses',
  tags: ['admin'],
  summary: "A customer's address book, the default first",
  request: { params: Params },
  responses: { 200: json(z.object({ items: z.array(AddressSchema) })), ...commonErrors },
})

const orders = createRoute({
  method: 'get',
  path: '/customers/{customerId}/orders',
  tags: ['admin'],
  summary: "A customer's orders, newest first",
  request: {
    params: Params,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(200).optional(),
    }),
  },
  responses: { 200: json(OrderPageSchema), ...commonErrors },
})

/** 404 unless the customer belongs to this mall: another mall's ids reveal nothing. */
async function requireCustomer(ctx: MallContext, customerId: string): Promise<void> {
  const found = await ctx.db
    .selectFrom('core__customer')
    .select('id')
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!found) throw new MallError('not_found', 'No such customer in this mall')
}

/** `/api/admin/customers/{customerId}/…`: what the customer screen shows beside the profile. */
export function customerDetailRoutes() {
  return createRouter()
    .openapi(addresses, async (c) => {
      const { customerId } = c.req.valid('param')
      const items = await c.var.inMall(async (ctx) => {
        ctx.require('core:customers.read')
        await requireCustomer(ctx, customerId)
        const rows = await ctx.db
          .selectFrom('core__address')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .where('customer_id', '=', customerId)
          .orderBy('is_default', 'desc')
          .orderBy('created_at', 'desc')
          .limit(100)
          .execute()
        return rows.map(toAddress)
      })
      return c.json({ items }, 200)
    })
    .openapi(orders, async (c) => {
      const { customerId } = c.req.valid('param')
      const { limit, cursor } = c.req.valid('query')
      const page = await c.var.inMall(async (ctx) => {
        ctx.require('core:customers.read')
        ctx.require('core:orders.read')
        await requireCustomer(ctx, customerId)
        return listOrders(ctx, { limit, customerId, ...(cursor ? { cursor } : {}) })
      })
      return c.json(page, 200)
    })
}
