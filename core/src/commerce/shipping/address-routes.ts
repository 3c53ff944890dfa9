import { createRoute, z } from '@hono/zod-openapi'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { currentCustomer } from '../../http/session-guards.ts'
import { AddressInput, AddressSchema, toAddress } from './address-schema.ts'

const Params = z.object({ addressId: z.uuid() })
const MAX_ADDRESSES = 50

const list = createRoute({
  method: 'get',
  path: '/addresses',
  tags: ['store'],
  summary: "The customer's address book, default first",
  responses: { 200: json(z.object({ items: z.array(AddressSchema) })), ...commonErrors },
})
const create = createRoute({
  method: 'post',
  path: '/addresses',
  tags: ['store'],
  summary: 'Adds an address; the first one (or one sent with isDefault) becomes the default',
  request: jsonBody(AddressInput),
  responses: { 201: json(AddressSchema), ...commonErrors },
})
const replace = createRoute({
  method: 'put',
  path: '/addresses/{addressId}',
  tags: ['store'],
  summary: 'Replaces an address',
  request: { params: Params, ...jsonBody(AddressInput) },
  responses: { 200: json(AddressSchema), ...commonErrors },
})
const remove = createRoute({
  method: 'delete',
  path: '/addresses/{addressId}',
  tags: ['store'],
  summary: 'Deletes an address; another one becomes the default if it was',
  request: { params: Params },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})

function values(input: AddressInput) {
  return {
    recipient: input.recipient,
    phone: input.phone,
    country: input.country,
    province: input.province,
    city: input.city,
    district: input.district,
    line1: input.line1,
    line2: input.line2,
    postal_code: input.postalCode,
  }
}

/** Clears the customer's default first: one default per customer is a unique index. */
async function clearDefault(ctx: MallContext, customerId: string) {
  await ctx.db
    .updateTable('core__address')
    .set({ is_default: false })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
    .where('is_default', '=', true)
    .execute()
}

function addressesOf(ctx: MallContext, customerId: string) {
  return ctx.db
    .selectFrom('core__address')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('customer_id', '=', customerId)
}

/** `/api/store/addresses`: the signed-in customer's address book (CRUD, one default). */
export function addressStoreRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const customer = currentCustomer(c)
      const rows = await c.var.inMall((ctx) =>
        addressesOf(ctx, customer.id).orderBy('is_default', 'desc').orderBy('created_at').execute(),
      )
      return c.json({ items: rows.map(toAddress) }, 200)
    })
    .openapi(create, async (c) => {
      const customer = currentCustomer(c)
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        const existing = await addressesOf(ctx, customer.id).select('is_default as d').execute()
        if (existing.length >= MAX_ADDRESSES)
          throw new MallError('conflict', `At most ${MAX_ADDRESSES} addresses`)
        const isDefault = input.isDefault || !existing.some((a) => a.d)
        if (isDefault) await clearDefault(ctx, customer.id)
        return ctx.db
          .insertInto('core__address')
          .values({
            tenant_id: ctx.tenant.id,
            customer_id: customer.id,
            is_default: isDefault,
            ...values(input),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
      })
      return c.json(toAddress(row), 201)
    })
    .openapi(replace, async (c) => {
      const customer = currentCustomer(c)
      const { addressId } = c.req.valid('param')
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        const found = await addressesOf(ctx, customer.id)
          .where('id', '=', addressId)
          .executeTakeFirst()
        if (!found) throw new MallError('not_found', 'No such address')
        if (input.isDefault) await clearDefault(ctx, customer.id)
        return ctx.db
          .updateTable('core__address')
          .set({ ...values(input), is_default: input.isDefault || found.is_default })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', addressId)
          .returningAll()
          .executeTakeFirstOrThrow()
      })
      return c.json(toAddress(row), 200)
    })
    .openapi(remove, async (c) => {
      const customer = currentCustomer(c)
      const { addressId } = c.req.valid('param')
      await c.var.inMall(async (ctx) => {
        const gone = await ctx.db
          .deleteFrom('core__address')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('customer_id', '=', customer.id)
          .where('id', '=', addressId)
          .returning('is_default')
          .executeTakeFirst()
        if (!gone) throw new MallError('not_found', 'No such address')
        if (!gone.is_default) return
        const next = await addressesOf(ctx, customer.id)
          .select('id as next')
          .orderBy('created_at')
          .executeTakeFirst()
        if (next)
          await ctx.db
            .updateTable('core__address')
            .set({ is_default: true })
            .where('tenant_id', '=', ctx.tenant.id)
            .where('id', '=', next.next)
            .execute()
      })
      return c.body(null, 204)
    })
}
