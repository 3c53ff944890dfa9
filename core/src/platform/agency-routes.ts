import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { escapeLike } from '../db/sql-helpers.ts'
import { MallError } from '../http/errors.ts'
import {
  afterCursor,
  commonErrors,
  cursorTime,
  decodeCursor,
  keysetPage,
  json,
  jsonBody,
  PageQuery,
} from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { requireStaffSession } from '../http/session-guards.ts'
import type { CoreServices } from '../services.ts'
import {
  AgencyMall,
  AgencyParams,
  auditAgencyAction,
  loadAgencyMall,
  MallParams,
  requireAgencyAdmin as requireAgencyAdminOf,
} from './agency-access.ts'
import { createClientMall, NewClientMall } from './create-client-mall.ts'
import { handoverRoutes } from './handover-routes.ts'
import { templateRoutes } from './template-routes.ts'

const Hostname = z
  .string()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'a domain name such as shop.example.com',
  )

const list = createRoute({
  method: 'get',
  path: '/agencies/{agencyId}/malls',
  tags: ['platform'],
  summary: "The agency's client malls, newest first; `q` searches slug and name",
  request: {
    params: AgencyParams,
    query: PageQuery.extend({ status: z.enum(['active', 'suspended']).optional() }),
  },
  responses: {
    200: json(z.object({ items: z.array(AgencyMall), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const create = createRoute({
  method: 'post',
  path: '/agencies/{agencyId}/malls',
  tags: ['platform'],
  summary:
    'Create a client mall with its owner, optionally from a template; the agency keeps a revocable grant',
  request: { params: AgencyParams, ...jsonBody(NewClientMall) },
  responses: {
    201: json(AgencyMall, 'Created'),
    ...commonErrors,
    409: { description: 'Slug taken' },
  },
})

const get = createRoute({
  method: 'get',
  path: '/agencies/{agencyId}/malls/{tenantId}',
  tags: ['platform'],
  summary: 'One client mall: status, plan, domains, owners and the grant',
  request: { params: MallParams },
  responses: { 200: json(AgencyMall), ...commonErrors },
})

const update = createRoute({
  method: 'patch',
  path: '/agencies/{agencyId}/malls/{tenantId}',
  tags: ['platform'],
  summary: "Change a client mall's plan or suspend / reactivate it",
  request: {
    params: MallParams,
    ...jsonBody(
      z.object({
        planId: z.string().min(1).optional(),
        status: z.enum(['active', 'suspended']).optional(),
      }),
    ),
  },
  responses: { 200: json(AgencyMall), ...commonErrors },
})

const addDomain = createRoute({
  method: 'post',
  path: '/agencies/{agencyId}/malls/{tenantId}/domains',
  tags: ['platform'],
  summary: 'Map a custom domain to a client mall',
  request: { params: MallParams, ...jsonBody(z.object({ host: Hostname })) },
  responses: {
    201: json(AgencyMall, 'Mapped'),
    ...commonErrors,
    409: { description: 'Domain taken' },
  },
})

const removeDomain = createRoute({
  method: 'delete',
  path: '/agencies/{agencyId}/malls/{tenantId}/domains/{host}',
  tags: ['platform'],
  summary: 'Unmap a custom domain',
  request: { params: MallParams.extend({ host: Hostname }) },
  responses: { 200: json(AgencyMall), ...commonErrors },
})

/** The agency console API: client malls, templates, plans, suspension, domains and handover. */
export function agencyRoutes(services: CoreServices) {
  const { db } = services

  const requireAgencyAdmin = (c: Context, agencyId: string) => requireAgencyAdminOf(db, c, agencyId)
  const loadMall = (agencyId: string, tenantId: string) => loadAgencyMall(db, agencyId, tenantId)
  const audit = (c: Context, tenantId: string, action: string, data: Record<string, unknown>) =>
    auditAgencyAction(db, c, tenantId, action, data)

  const router = createRouter()
  router.use('/agencies/*', requireStaffSession(services))
  router.route('/', templateRoutes(services))
  router.route('/', handoverRoutes(services))
  return router
    .openapi(list, async (c) => {
      const { agencyId } = c.req.valid('param')
      const { limit, cursor, q, status } = c.req.valid('query')
      await requireAgencyAdmin(c, agencyId)
      const after = decodeCursor(cursor)
      let query = db
        .selectFrom('core__tenant')
        .select(['id', cursorTime('created_at').as('cursor_at')])
        .where('agency_id', '=', agencyId)
      if (status) query = query.where('status', '=', status)
      if (q)
        query = query.where((eb) =>
          eb.or([
            eb('slug', 'ilike', `%${escapeLike(q)}%`),
            eb('name', 'ilike', `%${escapeLike(q)}%`),
          ]),
        )
      if (after) query = query.where(afterCursor('created_at', after))
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      const { page, nextCursor } = keysetPage(rows, limit)
      const items = await Promise.all(page.map((row) => loadMall(agencyId, row.id)))
      return c.json({ items, nextCursor }, 200)
    })
    .openapi(create, async (c) => {
      const { agencyId } = c.req.valid('param')
      await requireAgencyAdmin(c, agencyId)
      const tenant = await createClientMall(services, c.req.valid('json'), agencyId, c.var.staff.id)
      return c.json(await loadMall(agencyId, tenant.id), 201)
    })
    .openapi(get, async (c) => {
      const { agencyId, tenantId } = c.req.valid('param')
      await requireAgencyAdmin(c, agencyId)
      return c.json(await loadMall(agencyId, tenantId), 200)
    })
    .openapi(update, async (c) => {
      const { agencyId, tenantId } = c.req.valid('param')
      const body = c.req.valid('json')
      await requireAgencyAdmin(c, agencyId)
      const before = await loadMall(agencyId, tenantId)
      if (body.planId) {
        const plan = await db
          .selectFrom('core__plan')
          .select('id')
          .where('id', '=', body.planId)
          .executeTakeFirst()
        if (!plan)
          throw new MallError('validation_failed', `No plan "${body.planId}"`, {
            errors: [{ field: 'body.planId', message: 'unknown plan' }],
          })
      }
      await db
        .updateTable('core__tenant')
        .set({
          ...(body.planId ? { plan_id: body.planId } : {}),
          ...(body.status ? { status: body.status } : {}),
          updated_at: services.clock.now(),
        })
        .where('id', '=', tenantId)
        .execute()
      await audit(c, tenantId, 'mall.updated', {
        before: { planId: before.planId, status: before.status },
        after: body,
      })
      return c.json(await loadMall(agencyId, tenantId), 200)
    })
    .openapi(addDomain, async (c) => {
      const { agencyId, tenantId } = c.req.valid('param')
      const { host } = c.req.valid('json')
      await requireAgencyAdmin(c, agencyId)
      await loadMall(agencyId, tenantId)
      if (
        host === services.config.MALLKIT_BASE_DOMAIN ||
        host.endsWith(`.${services.config.MALLKIT_BASE_DOMAIN}`)
      )
        throw new MallError('validation_failed', 'Use a domain outside the platform domain', {
          errors: [{ field: 'body.host', message: 'inside the platform domain' }],
        })
      const inserted = await db
        .insertInto('core__tenant_domain')
        .values({ host, tenant_id: tenantId })
        .onConflict((oc) => oc.column('host').doNothing())
        .returning('host')
        .executeTakeFirst()
      if (!inserted)
        throw new MallError('conflict', `${host} is already mapped`, {
          errors: [{ field: 'body.host', message: 'taken' }],
        })
      await audit(c, tenantId, 'mall.domain-added', { host })
      return c.json(await loadMall(agencyId, tenantId), 201)
    })
    .openapi(removeDomain, async (c) => {
      const { agencyId, tenantId, host } = c.req.valid('param')
      await requireAgencyAdmin(c, agencyId)
      await loadMall(agencyId, tenantId)
      await db
        .deleteFrom('core__tenant_domain')
        .where('host', '=', host)
        .where('tenant_id', '=', tenantId)
        .execute()
      await audit(c, tenantId, 'mall.domain-removed', { host })
      return c.json(await loadMall(agencyId, tenantId), 200)
    })
}
