import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { hashPassword } from '../auth/index.ts'
import { appendAudit } from '../db/audit-log.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { MallError } from '../http/errors.ts'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'
import { AgencyMall, loadAgencyMall, MallParams, requireAgencyAdmin } from './agency-access.ts'

const NewOwner = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'at least 10 characters').max(200).optional(),
})

const handOver = createRoute({
  method: 'put',
  path: '/agencies/{agencyId}/malls/{tenantId}/owner',
  tags: ['platform'],
  summary:
    'Hand a client mall over: this person becomes its only owner; the agency keeps its grant',
  request: { params: MallParams, ...jsonBody(NewOwner) },
  responses: {
    200: json(AgencyMall),
    ...commonErrors,
    409: { description: 'Already handed over' },
  },
})

const giveUp = createRoute({
  method: 'delete',
  path: '/agencies/{agencyId}/malls/{tenantId}/grant',
  tags: ['platform'],
  summary: "Revoke the agency's own collaborator access; only the mall's owner can restore it",
  request: { params: MallParams },
  responses: { 200: json(AgencyMall), ...commonErrors },
})

/** Handing a client mall to its owner, and the agency giving up its collaborator grant. */
export function handoverRoutes(services: CoreServices) {
  const { db } = services

  /** The client mall, while the agency may still act in it. */
  async function mallInReach(c: Context, agencyId: string, tenantId: string) {
    await requireAgencyAdmin(db, c, agencyId)
    const mall = await loadAgencyMall(db, agencyId, tenantId)
    if (mall.grant !== 'active')
      throw new MallError('forbidden', "The mall's owner has not granted this agency access")
    return mall
  }

  return createRouter()
    .openapi(handOver, async (c) => {
      const { agencyId, tenantId } = c.req.valid('param')
      const owner = c.req.valid('json')
      const before = await mallInReach(c, agencyId, tenantId)
      // Once a client owns the mall, the agency cannot move it on; nor may agency staff become
      // owners, a membership that would outlast a revocation of the grant.
      if (before.handedOver)
        throw new MallError('conflict', 'This mall is already handed over; its owner manages staff')
      const agencyMember = await db
        .selectFrom('core__staff_membership as m')
        .innerJoin('core__staff_user as u', 'u.id', 'm.user_id')
        .select('m.id')
        .where('u.email', '=', owner.email)
        .where('m.agency_id', '=', agencyId)
        .executeTakeFirst()
      if (agencyMember)
        throw new MallError(
          'validation_failed',
          'Hand the mall over to the client, not to agency staff',
          {
            errors: [{ field: 'body.email', message: 'a member of your agency' }],
          },
        )
      const passwordHash = owner.password ? await hashPassword(owner.password) : null
      await withTenant(db, tenantId, async (tx) => {
        let user = await tx
          .selectFrom('core__staff_user')
          .select('id')
          .where('email', '=', owner.email)
          .executeTakeFirst()
        if (!user) {
          if (!passwordHash)
            throw new MallError('validation_failed', 'A new owner needs a password', {
              errors: [{ field: 'body.password', message: 'required for a new account' }],
            })
          user = await tx
            .insertInto('core__staff_user')
            .values({ email: owner.email, name: owner.name, password_hash: passwordHash })
            .returning('id')
            .executeTakeFirstOrThrow()
        }
        // Previous owners leave; agency staff among them keep working through the grant.
        await tx
          .deleteFrom('core__staff_membership')
          .where('tenant_id', '=', tenantId)
          .where('user_id', '!=', user.id)
          .where('role', '=', 'owner')
          .execute()
        await tx
          .insertInto('core__staff_membership')
          .values({ user_id: user.id, tenant_id: tenantId, role: 'owner' })
          .onConflict((oc) => oc.columns(['user_id', 'tenant_id']).doUpdateSet({ role: 'owner' }))
          .execute()
        await appendAudit(tx, {
          tenantId,
          actorKind: 'staff',
          actorId: c.var.staff.id,
          action: 'mall.handed-over',
          target: `tenant:${tenantId}`,
          data: { from: before.owners.map((o) => o.email), to: owner.email },
          ip: c.var.ip,
          requestId: c.var.requestId,
        })
      })
      return c.json(await loadAgencyMall(db, agencyId, tenantId), 200)
    })
    .openapi(giveUp, async (c) => {
      const { agencyId, tenantId } = c.req.valid('param')
      await mallInReach(c, agencyId, tenantId)
      await withTenant(db, tenantId, async (tx) => {
        await tx
          .updateTable('core__agency_grant')
          .set({ revoked_at: services.clock.now(), revoked_by: c.var.staff.id })
          .where('tenant_id', '=', tenantId)
          .where('agency_id', '=', agencyId)
          .execute()
        await appendAudit(tx, {
          tenantId,
          actorKind: 'staff',
          actorId: c.var.staff.id,
          action: 'agency-grant.revoked',
          target: `agency:${agencyId}`,
          data: { by: 'agency' },
          ip: c.var.ip,
          requestId: c.var.requestId,
        })
      })
      return c.json(await loadAgencyMall(db, agencyId, tenantId), 200)
    })
}
