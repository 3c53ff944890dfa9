import { createRoute, z } from '@hono/zod-openapi'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { hashPassword, normalizePhone, sessionCookie } from '../auth/index.ts'
import { CustomerSchema, toCustomer } from '../admin/customer-routes.ts'
import { MallError } from '../http/errors.ts'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { currentCustomer } from '../http/session-guards.ts'
import type { CoreServices } from '../services.ts'

/** Stored as `normalizePhone` gives it, so a login typed with spaces or dashes still matches. */
const Phone = z.string().transform((value, ctx) => {
  const phone = normalizePhone(value)
  if (!phone)
    ctx.addIssue({ code: 'custom', message: '5 to 15 digits, optionally with a leading +' })
  return phone ?? z.NEVER
})
const Password = z.string().min(8, 'at least 8 characters').max(200)

const Register = z
  .object({
    email: z
      .email()
      .transform((e) => e.toLowerCase())
      .optional(),
    phone: Phone.optional(),
    name: z.string().trim().min(1).max(100),
    password: Password,
  })
  .refine((b) => b.email || b.phone, { message: 'an email or a phone number', path: ['email'] })

const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['store'],
  summary: 'Create a customer account in this mall and log in',
  request: jsonBody(Register),
  responses: {
    201: json(CustomerSchema, 'Registered'),
    ...commonErrors,
    409: { description: 'Taken' },
  },
})

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['store'],
  summary: 'Log in with email or phone and password',
  request: jsonBody(
    z.object({
      identifier: z.string().trim().min(1).max(200),
      password: z.string().min(1).max(200),
    }),
  ),
  responses: { 200: json(CustomerSchema), ...commonErrors, 429: { description: 'Throttled' } },
})

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['store'],
  summary: 'Log out',
  responses: { 204: { description: 'Logged out' } },
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['store'],
  summary: 'The logged-in customer',
  responses: { 200: json(CustomerSchema), ...commonErrors },
})

const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['store'],
  summary: "Change the customer's name",
  request: jsonBody(z.object({ name: z.string().trim().min(1).max(100) })),
  responses: { 200: json(CustomerSchema), ...commonErrors },
})

/** `/api/store/auth/*` and `/api/store/me`: customer accounts of one mall. */
export function storeAuthRoutes(services: CoreServices) {
  return createRouter()
    .openapi(register, async (c) => {
      const body = c.req.valid('json')
      const tenant = c.var.tenant
      const passwordHash = await hashPassword(body.password)
      const customer = await c.var.inMall(async (ctx) => {
        const taken = await ctx.db
          .selectFrom('core__customer')
          .select(['email', 'phone'])
          .where('tenant_id', '=', tenant.id)
          .where((eb) =>
            eb.or([eb('email', '=', body.email ?? null), eb('phone', '=', body.phone ?? null)]),
          )
          .executeTakeFirst()
        if (taken) {
          const field = body.email && taken.email === body.email ? 'body.email' : 'body.phone'
          throw new MallError('conflict', 'An account already uses this', {
            errors: [{ field, message: 'taken' }],
          })
        }
        const row = await ctx.db
          .insertInto('core__customer')
          .values({
            tenant_id: tenant.id,
            email: body.email ?? null,
            phone: body.phone ?? null,
            name: body.name,
            password_hash: passwordHash,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.emit('customer.registered', { customerId: row.id })
        return row
      })
      const cookie = sessionCookie(services.config, 'customer', tenant.id)
      const session = await services.customerAuth(tenant.id).createSession(customer.id)
      setCookie(c, cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
      return c.json(toCustomer(customer), 201)
    })
    .openapi(login, async (c) => {
      const body = c.req.valid('json')
      const tenant = c.var.tenant
      const cookie = sessionCookie(services.config, 'customer', tenant.id)
      const session = await services.customerAuth(tenant.id).login({
        identifier: body.identifier,
        password: body.password,
        ip: c.var.ip,
        previousToken: getCookie(c, cookie.name),
      })
      setCookie(c, cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
      const row = await c.var.inMall((ctx) =>
        ctx.db
          .selectFrom('core__customer')
          .selectAll()
          .where('tenant_id', '=', tenant.id)
          .where('id', '=', session.user.id)
          .executeTakeFirstOrThrow(),
      )
      return c.json(toCustomer(row), 200)
    })
    .openapi(logout, async (c) => {
      const tenant = c.var.tenant
      const cookie = sessionCookie(services.config, 'customer', tenant.id)
      const token = getCookie(c, cookie.name)
      if (token) await services.customerAuth(tenant.id).logout(token)
      deleteCookie(c, cookie.name, cookie.options)
      return c.body(null, 204)
    })
    .openapi(me, async (c) => {
      const customer = currentCustomer(c)
      const row = await c.var.inMall((ctx) =>
        ctx.db
          .selectFrom('core__customer')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', customer.id)
          .executeTakeFirstOrThrow(),
      )
      return c.json(toCustomer(row), 200)
    })
    .openapi(patchMe, async (c) => {
      const customer = currentCustomer(c)
      const { name } = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        const updated = await ctx.db
          .updateTable('core__customer')
          .set({ name })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', customer.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.audit('customer.profile-changed', `customer:${customer.id}`, { name })
        return updated
      })
      return c.json(toCustomer(row), 200)
    })
}
