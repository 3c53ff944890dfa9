import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { appendAudit } from '../db/audit-log.ts'
import type { Db } from '../db/create-db.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { MallError } from '../http/errors.ts'

/** A client mall as the agency console shows it. */
export const AgencyMall = z
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
    /** Whether the agency's collaborator grant is in force (the owner or the agency may revoke it). */
    grant: z.enum(['active', 'revoked', 'none']),
    owners: z.array(z.object({ email: z.string(), name: z.string() })),
    /** Whether someone outside the agency owns it: then only that owner manages its staff. */
    handedOver: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('AgencyMall')
export type AgencyMall = z.infer<typeof AgencyMall>

export const AgencyParams = z.object({ agencyId: z.uuid() })
export const MallParams = AgencyParams.extend({ tenantId: z.uuid() })

/** Only owners and admins of the agency manage its client malls and templates. */
export async function requireAgencyAdmin(db: Db, c: Context, agencyId: string): Promise<void> {
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

/** One of the agency's client malls; 404 for any other mall. */
export async function loadAgencyMall(
  db: Db,
  agencyId: string,
  tenantId: string,
): Promise<AgencyMall> {
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
  const owners = await db
    .selectFrom('core__staff_membership as m')
    .innerJoin('core__staff_user as u', 'u.id', 'm.user_id')
    .leftJoin('core__staff_membership as a', (join) =>
      join.onRef('a.user_id', '=', 'm.user_id').on('a.agency_id', '=', agencyId),
    )
    .select(['u.email', 'u.name', 'a.id as agencyMembership'])
    .where('m.tenant_id', '=', tenant.id)
    .where('m.role', '=', 'owner')
    .orderBy('u.email')
    .execute()
  const grant = await withTenant(db, tenant.id, (tx) =>
    tx
      .selectFrom('core__agency_grant')
      .select('revoked_at')
      .where('tenant_id', '=', tenant.id)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst(),
  )
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
    grant: !grant ? 'none' : grant.revoked_at ? 'revoked' : 'active',
    owners: owners.map((o) => ({ email: o.email, name: o.name })),
    handedOver: owners.some((o) => !o.agencyMembership),
    createdAt: tenant.created_at.toISOString(),
  }
}

/** Appends to a client mall's audit log as the agency staff member of this request. */
export async function auditAgencyAction(
  db: Db,
  c: Context,
  tenantId: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    appendAudit(tx, {
      tenantId,
      actorKind: 'staff',
      actorId: c.var.staff.id,
      action,
      target: `tenant:${tenantId}`,
      data,
      ip: c.var.ip,
      requestId: c.var.requestId,
    }),
  )
}
