import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { appendAudit } from '../db/audit-log.ts'
import { escapeLike } from '../db/sql-helpers.ts'
import { withTenant } from '../db/tenant-scope.ts'
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
import { createMall, NewMall } from '../tenancy/tenants.ts'

const Mall = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    status: z.enum(['active', 'suspended']),
    planId: z.string(),
    defaultLocale: z.string(),
    currency: z.string(),
    timezone: z.string(),
    domains: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('AgencyMall')

const AgencyParams = z.object({ agencyId: z.uuid() })
const MallParams = AgencyParams.extend({ tenantId: z.uuid() })
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
  summary: "The agency's client malls, newest first",
  request: { params: AgencyParams, query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(Mall), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const create = createRoute({
  method: 'post',
  path: '/agencies/{agencyId}/malls',
  tags: ['platform'],
  summary: 'Create a client mall with its owner; the agency keeps a revocable grant',
  request: { params: AgencyParams, ...jsonBody(NewMall) },
  responses: { 201: json(Mall, 'Created'), ...commonErrors, 409: { description: 'Slug taken' } },
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
  responses: { 200: json(Mall), ...commonErrors },
})

const addDomain = createRoute({
  method: 'post',
  path: '/agencies/{agencyId}/malls/{tenantId}/domains',
  tags: ['platform'],
  summary: 'Map a custom domain to a client mall',
  request: { params: MallParams, ...jsonBody(z.object({ host: Hostname })) },
  responses: { 201: json(Mall, 'Mapped'), ...commonErrors, 409: { description: 'Domain taken' } },
})

const removeDomain = createRoute({
  method: 'delete',
  path: '/agencies/{agencyId}/malls/{tenantId}/domains/{host}',
  tags: ['platform'],
  summary: 'Unmap a custom domain',
  request: { params: MallParams.extend({ host: Hostname }) },
  responses: { 200: json(Mall), ...commonErrors },
})

/** The agency console API: client malls, plans, suspension and domains. */
export function agencyRoutes(services: CoreServices) {
  const { db } = services

  /** Only owners and admins of the agency manage its client list. */
  async function requireAgencyAdmin(c: Context, agencyId: string) {
    const membership = await db
      .selectFrom('core__staff_membership')
      .select('role')
      .where('user_id', '=', c.var.staff.id)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst()
    if (!membership) throw new MallError('not_found', 'No such agency')
    if (membership.role !== 'owner' && membership.role !== 'admin')
      throw new MallError('forbidden', 'Only agency owners and admins manage client malls')
  }

  async function loadMall(agencyId: string, tenantId: string) {
    const tenant = await db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', tenantId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst()
    if (!tenant) throw new MallError('not_found', 'No such client mall')
    const domains = await db
      .selectFrom('core__tenant_domain')
      .select('host')
      .where('tenant_id', '=', tenant.id)
      .orderBy('host')
      .execute()
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      planId: tenant.plan_id,
      defaultLocale: tenant.default_locale,
      currency: tenant.currency,
      timezone: tenant.timezone,
      domains: domains.map((d) => d.host),
      createdAt: tenant.created_at.toISOString(),
    }
  }

  async function audit(
    tenantId: string,
    actorId: string,
    action: string,
    data: Record<string, unknown>,
    c: Context,
  ) {
    await withTenant(db, tenantId, (tx) =>
      appendAudit(tx, {
        tenantId,
        actorKind: 'staff',
        actorId,
        action,
        target: `tenant:${tenantId}`,
        data,
        ip: c.var.ip,
        requestId: c.var.requestId,
      }),
    )
  }

  const router = createRouter()
  router.use('/agencies/*', requireStaffSession(services))
  return router
    .openapi(list, async (c) => {
      const { agencyId } = c.req.valid('param')
      const { limit, cursor, q } = c.req.valid('query')
      await requireAgencyAdmin(c, agencyId)
      const after = decodeCursor(cursor)
      let query = db
        .selectFrom('core__tenant')
        .select(['id', cursorTime('created_at').as('cursor_at')])
        .where('agency_id', '=', agencyId)
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
      const tenant = await createMall(db, c.req.valid('json'), agencyId, c.var.staff.id)
      return c.json(await loadMall(agencyId, tenant.id), 201)
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
      await audit(
        tenantId,
        c.var.staff.id,
        'mall.updated',
        { before: { planId: before.planId, status: before.status }, after: body },
        c,
      )
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
      await audit(tenantId, c.var.staff.id, 'mall.domain-added', { host }, c)
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
      await audit(tenantId, c.var.staff.id, 'mall.domain-removed', { host }, c)
      return c.json(await loadMall(agencyId, tenantId), 200)
    })
}
