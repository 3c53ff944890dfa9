import { createRoute, z } from '@hono/zod-openapi'
import { escapeLike } from '../db/sql-helpers.ts'
import { MallError } from '../http/errors.ts'
import {
  afterCursor,
  commonErrors,
  cursorTime,
  decodeCursor,
  json,
  jsonBody,
  keysetPage,
  PageQuery,
} from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { PageTheme } from '../page/document.ts'
import type { CoreServices } from '../services.ts'
import { AgencyParams, loadAgencyMall, requireAgencyAdmin } from './agency-access.ts'
import { saveMallAsTemplate } from './save-template.ts'
import { TemplateSnapshot } from './template-snapshot.ts'
import './template-table.ts'

const Template = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    sourceMall: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
    theme: PageTheme,
    pages: z.array(z.string()).openapi({ description: 'The paths of the pages it copies' }),
    plugins: z.array(z.string()).openapi({ description: 'The plugins it turns on' }),
    createdAt: z.string(),
  })
  .openapi('MallTemplate')

const Plan = z
  .object({ id: z.string(), name: z.string(), allowedPlugins: z.array(z.string()) })
  .openapi('Plan')

const list = createRoute({
  method: 'get',
  path: '/agencies/{agencyId}/templates',
  tags: ['platform'],
  summary: "The agency's mall templates, newest first",
  request: { params: AgencyParams, query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(Template), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const save = createRoute({
  method: 'post',
  path: '/agencies/{agencyId}/templates',
  tags: ['platform'],
  summary: "Save a client mall's published pages, theme and plugins as a template",
  request: {
    params: AgencyParams,
    ...jsonBody(
      z.object({
        tenantId: z.uuid(),
        name: z.string().trim().min(1).max(100),
        description: z.string().trim().max(500).default(''),
      }),
    ),
  },
  responses: { 201: json(Template, 'Saved'), ...commonErrors },
})

const remove = createRoute({
  method: 'delete',
  path: '/agencies/{agencyId}/templates/{templateId}',
  tags: ['platform'],
  summary: 'Delete a template (malls created from it keep their copy)',
  request: { params: AgencyParams.extend({ templateId: z.uuid() }) },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})

const plans = createRoute({
  method: 'get',
  path: '/agencies/{agencyId}/plans',
  tags: ['platform'],
  summary: 'The plans a client mall can be on, and the plugins each allows',
  request: { params: AgencyParams },
  responses: { 200: json(z.object({ items: z.array(Plan) })), ...commonErrors },
})

/** `/api/platform/agencies/{id}/templates` and `/plans`: what new client malls start from. */
export function templateRoutes(services: CoreServices) {
  const { db } = services

  async function toTemplate(row: {
    id: string
    name: string
    description: string
    source_tenant_id: string | null
    snapshot: unknown
    created_at: Date
  }) {
    const snapshot = TemplateSnapshot.parse(row.snapshot)
    const source = row.source_tenant_id
      ? await db
          .selectFrom('core__tenant')
          .select(['id', 'slug', 'name'])
          .where('id', '=', row.source_tenant_id)
          .executeTakeFirst()
      : undefined
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      sourceMall: source ?? null,
      theme: snapshot.theme,
      pages: snapshot.pages.map((p) => p.path),
      plugins: snapshot.plugins.map((p) => p.id),
      createdAt: row.created_at.toISOString(),
    }
  }

  return createRouter()
    .openapi(list, async (c) => {
      const { agencyId } = c.req.valid('param')
      const { limit, cursor, q } = c.req.valid('query')
      await requireAgencyAdmin(db, c, agencyId)
      const after = decodeCursor(cursor)
      let query = db
        .selectFrom('core__mall_template')
        .select([
          'id',
          'name',
          'description',
          'source_tenant_id',
          'snapshot',
          'created_at',
          cursorTime('created_at').as('cursor_at'),
        ])
        .where('agency_id', '=', agencyId)
      if (q) query = query.where('name', 'ilike', `%${escapeLike(q)}%`)
      if (after) query = query.where(afterCursor('created_at', after))
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      const { page, nextCursor } = keysetPage(rows, limit)
      return c.json({ items: await Promise.all(page.map(toTemplate)), nextCursor }, 200)
    })
    .openapi(save, async (c) => {
      const { agencyId } = c.req.valid('param')
      const body = c.req.valid('json')
      await requireAgencyAdmin(db, c, agencyId)
      const mall = await loadAgencyMall(db, agencyId, body.tenantId).catch((error: unknown) => {
        if (error instanceof MallError && error.code === 'not_found')
          throw new MallError('validation_failed', 'No such client mall in this agency', {
            errors: [{ field: 'body.tenantId', message: 'not a client mall of this agency' }],
          })
        throw error
      })
      // After a revocation the mall's content is the client's alone.
      if (mall.grant !== 'active')
        throw new MallError('forbidden', "The mall's owner has not granted this agency access")
      const row = await saveMallAsTemplate(db, {
        agencyId,
        tenantId: mall.id,
        name: body.name,
        description: body.description,
        createdBy: c.var.staff.id,
      })
      return c.json(await toTemplate(row), 201)
    })
    .openapi(remove, async (c) => {
      const { agencyId, templateId } = c.req.valid('param')
      await requireAgencyAdmin(db, c, agencyId)
      const deleted = await db
        .deleteFrom('core__mall_template')
        .where('id', '=', templateId)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst()
      if (!Number(deleted.numDeletedRows)) throw new MallError('not_found', 'No such template')
      return c.body(null, 204)
    })
    .openapi(plans, async (c) => {
      const { agencyId } = c.req.valid('param')
      await requireAgencyAdmin(db, c, agencyId)
      const rows = await db
        .selectFrom('core__plan')
        .select(['id', 'name', 'allowed_plugins'])
        .orderBy('id')
        .execute()
      return c.json(
        {
          items: rows.map((r) => ({ id: r.id, name: r.name, allowedPlugins: r.allowed_plugins })),
        },
        200,
      )
    })
}
