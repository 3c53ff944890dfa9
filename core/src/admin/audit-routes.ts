import { createRoute, z } from '@hono/zod-openapi'
import { escapeLike } from '../db/sql-helpers.ts'
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

const Entry = z
  .object({
    id: z.uuid(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEntry')

const list = createRoute({
  method: 'get',
  path: '/audit-log',
  tags: ['admin'],
  summary: "The mall's audit log, newest first; `q` filters by action prefix",
  request: { query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(Entry), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

/** `/api/admin/audit-log`. */
export function auditRoutes(_services: CoreServices) {
  return createRouter().openapi(list, async (c) => {
    const { limit, cursor, q } = c.req.valid('query')
    const after = decodeCursor(cursor)
    const rows = await c.var.inMall(async (ctx) => {
      ctx.require('core:audit.read')
      let query = ctx.db
        .selectFrom('core__audit_log')
        .selectAll()
        .select(cursorTime('created_at').as('cursor_at'))
        .where('tenant_id', '=', ctx.tenant.id)
      if (q) query = query.where('action', 'like', `${escapeLike(q)}%`)
      if (after) query = query.where(afterCursor('created_at', after))
      return query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
    })
    const { page, nextCursor } = keysetPage(rows, limit)
    return c.json(
      {
        items: page.map((r) => ({
          id: r.id,
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          action: r.action,
          target: r.target,
          data: r.data as Record<string, unknown>,
          ip: r.ip,
          requestId: r.request_id,
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor,
      },
      200,
    )
  })
}
