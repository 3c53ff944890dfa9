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
import type { MallContext } from '../context.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const Entry = z
  .object({
    id: z.uuid(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    /** The staff member's or customer's name (or email) when the actor is one. */
    actorName: z.string().nullable(),
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
  summary:
    "The mall's audit log, newest first; `q` filters by action prefix, `actor` by who acted, `from`/`to` by when",
  request: {
    query: PageQuery.extend({
      actor: z.uuid().optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(Entry), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

/** `/api/admin/audit-log`. */
export function auditRoutes(_services: CoreServices) {
  return createRouter().openapi(list, async (c) => {
    const { limit, cursor, q, actor, from, to } = c.req.valid('query')
    const after = decodeCursor(cursor)
    const { rows, names } = await c.var.inMall(async (ctx) => {
      ctx.require('core:audit.read')
      let query = ctx.db
        .selectFrom('core__audit_log')
        .selectAll()
        .select(cursorTime('created_at').as('cursor_at'))
        .where('tenant_id', '=', ctx.tenant.id)
      if (q) query = query.where('action', 'like', `${escapeLike(q)}%`)
      if (actor) query = query.where('actor_id', '=', actor)
      if (from) query = query.where('created_at', '>=', new Date(from))
      if (to) query = query.where('created_at', '<', new Date(to))
      if (after) query = query.where(afterCursor('created_at', after))
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      return { rows, names: await actorNames(ctx, rows) }
    })
    const { page, nextCursor } = keysetPage(rows, limit)
    return c.json(
      {
        items: page.map((r) => ({
          id: r.id,
          actorKind: r.actor_kind,
          actorId: r.actor_id,
          actorName: (r.actor_id && names.get(r.actor_id)) || null,
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

/** Names of the staff members and customers who acted in `rows`, by id. */
async function actorNames(
  ctx: MallContext,
  rows: readonly { actor_kind: string; actor_id: string | null }[],
): Promise<Map<string, string>> {
  const ids = (kind: string) => [
    ...new Set(rows.filter((r) => r.actor_kind === kind && r.actor_id).map((r) => r.actor_id!)),
  ]
  const names = new Map<string, string>()
  const staff = ids('staff').filter((id) => UUID.test(id))
  const customers = ids('customer').filter((id) => UUID.test(id))
  if (staff.length)
    for (const u of await ctx.db
      .selectFrom('core__staff_user')
      .select(['id', 'name', 'email'])
      .where('id', 'in', staff)
      .execute())
      names.set(u.id, u.name || u.email)
  if (customers.length)
    for (const u of await ctx.db
      .selectFrom('core__customer')
      .select(['id', 'name', 'email', 'phone'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', 'in', customers)
      .execute())
      names.set(u.id, u.name || u.email || u.phone || u.id)
  return names
}
