import { createRoute, z } from '@hono/zod-openapi'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { sessionCookie } from '../auth/index.ts'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { requireStaffSession } from '../http/session-guards.ts'
import type { CoreServices } from '../services.ts'

const StaffUser = z
  .object({ id: z.uuid(), email: z.string(), name: z.string() })
  .openapi('StaffUser')

const Me = z
  .object({
    user: StaffUser,
    agencies: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
    malls: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        status: z.string(),
        role: z.string(),
      }),
    ),
  })
  .openapi('StaffMe')

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['platform'],
  summary: 'Staff log in (one identity for agency and merchant staff)',
  request: jsonBody(z.object({ email: z.email(), password: z.string().min(1).max(200) })),
  responses: { 200: json(StaffUser), ...commonErrors, 429: { description: 'Throttled' } },
})

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['platform'],
  summary: 'Staff log out',
  responses: { 204: { description: 'Logged out' } },
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['platform'],
  summary: 'The staff member, their agencies and malls',
  responses: { 200: json(Me), ...commonErrors },
})

/** `/api/platform/auth/*` and `/api/platform/me`. */
export function platformAuthRoutes(services: CoreServices) {
  const cookie = sessionCookie(services.config, 'staff')
  const router = createRouter()
    .openapi(login, async (c) => {
      const body = c.req.valid('json')
      const session = await services.staffAuth.login({
        identifier: body.email,
        password: body.password,
        ip: c.var.ip,
        previousToken: getCookie(c, cookie.name),
      })
      setCookie(c, cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
      return c.json(session.user, 200)
    })
    .openapi(logout, async (c) => {
      const token = getCookie(c, cookie.name)
      if (token) await services.staffAuth.logout(token)
      deleteCookie(c, cookie.name, cookie.options)
      return c.body(null, 204)
    })
  router.use('/me', requireStaffSession(services))
  return router.openapi(me, async (c) => {
    const user = c.var.staff
    const memberships = await services.db
      .selectFrom('core__staff_membership as m')
      .leftJoin('core__agency as a', 'a.id', 'm.agency_id')
      .leftJoin('core__tenant as t', 't.id', 'm.tenant_id')
      .select([
        'm.role',
        'a.id as agencyId',
        'a.name as agencyName',
        't.id as tenantId',
        't.slug',
        't.name as tenantName',
        't.status',
      ])
      .where('m.user_id', '=', user.id)
      .orderBy('m.created_at')
      .execute()
    return c.json(
      {
        user,
        agencies: memberships.flatMap((m) =>
          m.agencyId ? [{ id: m.agencyId, name: m.agencyName ?? '', role: m.role }] : [],
        ),
        malls: memberships.flatMap((m) =>
          m.tenantId
            ? [
                {
                  id: m.tenantId,
                  slug: m.slug ?? '',
                  name: m.tenantName ?? '',
                  status: m.status ?? '',
                  role: m.role,
                },
              ]
            : [],
        ),
      },
      200,
    )
  })
}
