import { createRoute, z } from '@hono/zod-openapi'
import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'

const Grant = z
  .object({
    agencyId: z.uuid(),
    agencyName: z.string(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('AgencyGrant')
const Params = z.object({ agencyId: z.uuid() })

const list = createRoute({
  method: 'get',
  path: '/agency-grants',
  tags: ['admin'],
  summary: 'Agencies with collaborator access to this mall',
  responses: { 200: json(z.object({ items: z.array(Grant) })), ...commonErrors },
})

const revoke = createRoute({
  method: 'delete',
  path: '/agency-grants/{agencyId}',
  tags: ['admin'],
  summary: "Revoke an agency's access; it takes effect on the agency's next request",
  request: { params: Params },
  responses: { 200: json(Grant), ...commonErrors },
})

const restore = createRoute({
  method: 'put',
  path: '/agency-grants/{agencyId}',
  tags: ['admin'],
  summary: "Restore a revoked agency's access",
  request: { params: Params },
  responses: { 200: json(Grant), ...commonErrors },
})

/** `/api/admin/agency-grants`: the owner's control over the agency's access. */
export function grantRoutes(_services: CoreServices) {
  return createRouter()
    .openapi(list, async (c) => {
      const items = await c.var.inMall(async (ctx) => {
        ctx.require('core:grants.manage')
        const rows = await ctx.db
          .selectFrom('core__agency_grant as g')
          .innerJoin('core__agency as a', 'a.id', 'g.agency_id')
          .select(['g.agency_id', 'a.name', 'g.granted_at', 'g.revoked_at'])
          .where('g.tenant_id', '=', ctx.tenant.id)
          .execute()
        return rows.map((r) => ({
          agencyId: r.agency_id,
          agencyName: r.name,
          grantedAt: r.granted_at.toISOString(),
          revokedAt: r.revoked_at?.toISOString() ?? null,
        }))
      })
      return c.json({ items }, 200)
    })
    .openapi(revoke, async (c) => {
      const { agencyId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => setRevoked(ctx, agencyId, true)), 200)
    })
    .openapi(restore, async (c) => {
      const { agencyId } = c.req.valid('param')
      return c.json(await c.var.inMall((ctx) => setRevoked(ctx, agencyId, false)), 200)
    })
}

async function setRevoked(ctx: MallContext, agencyId: string, revoked: boolean) {
  ctx.require('core:grants.manage')
  const row = await ctx.db
    .updateTable('core__agency_grant')
    .set({
      revoked_at: revoked ? ctx.now() : null,
      revoked_by: revoked && ctx.actor.kind === 'staff' ? ctx.actor.id : null,
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('agency_id', '=', agencyId)
    .returning(['agency_id', 'granted_at', 'revoked_at'])
    .executeTakeFirst()
  if (!row) throw new MallError('not_found', 'This agency has no grant here')
  const agency = await ctx.db
    .selectFrom('core__agency')
    .select('name')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow()
  await ctx.audit(revoked ? 'agency-grant.revoked' : 'agency-grant.restored', `agency:${agencyId}`)
  return {
    agencyId: row.agency_id,
    agencyName: agency.name,
    grantedAt: row.granted_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}
