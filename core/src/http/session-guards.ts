import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { sessionCookie } from '../auth/index.ts'
import { permissionsOf } from '../auth/permissions.ts'
import type { Actor } from '../context.ts'
import type { StaffRole, Tenant } from '../db/schema.ts'
import { withTenant } from '../db/tenant-scope.ts'
import type { CoreServices } from '../services.ts'
import { MallError } from './errors.ts'

/** Reads the staff session cookie; 401 without a valid one. Extends the cookie when lucia did. */
export function requireStaffSession(services: CoreServices): MiddlewareHandler {
  return async (c, next) => {
    const cookie = sessionCookie(services.config, 'staff')
    const token = getCookie(c, cookie.name)
    const session = token ? await services.staffAuth.validate(token) : null
    if (!session) {
      if (token) deleteCookie(c, cookie.name, cookie.options)
      throw new MallError('unauthenticated', 'Log in as staff first')
    }
    if (session.refreshed && token)
      setCookie(c, cookie.name, token, { ...cookie.options, expires: session.expiresAt })
    c.set('staff', session.user)
    await next()
  }
}

/**
 * The staff member's role in this mall: a membership of the mall itself, or membership of the
 * agency that runs it while the mall's grant to that agency is not revoked. Checked on every
 * request, so a revoked grant or a removed member loses access on the next one.
 */
export async function staffRoleIn(
  services: CoreServices,
  tenant: Tenant,
  userId: string,
): Promise<{ role: StaffRole; via: 'member' | 'agency' } | null> {
  const { db } = services
  const member = await db
    .selectFrom('core__staff_membership')
    .select('role')
    .where('user_id', '=', userId)
    .where('tenant_id', '=', tenant.id)
    .executeTakeFirst()
  if (member) return { role: member.role, via: 'member' }
  if (!tenant.agency_id) return null
  const agencyMember = await db
    .selectFrom('core__staff_membership')
    .select('role')
    .where('user_id', '=', userId)
    .where('agency_id', '=', tenant.agency_id)
    .executeTakeFirst()
  if (!agencyMember) return null
  const grant = await withTenant(db, tenant.id, (tx) =>
    tx
      .selectFrom('core__agency_grant')
      .select('agency_id')
      .where('tenant_id', '=', tenant.id)
      .where('agency_id', '=', tenant.agency_id as string)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  )
  if (!grant) return null
  // Agency owners act as mall admins: ownership of the mall stays with the client.
  const role: StaffRole = agencyMember.role === 'owner' ? 'admin' : agencyMember.role
  return { role, via: 'agency' }
}

/** Admin APIs: a staff session with a role in this mall; 403 for staff of other malls. */
export function requireMallStaff(services: CoreServices): MiddlewareHandler {
  return async (c, next) => {
    const staff = c.var.staff
    const tenant = c.var.tenant
    const access = await staffRoleIn(services, tenant, staff.id)
    if (!access) throw new MallError('forbidden', `You have no access to ${tenant.name}`)
    const permissions = permissionsOf(access.role, services.plugins.permissionDefinitions())
    const actor: Actor = {
      kind: 'staff',
      id: staff.id,
      role: access.role,
      permissions,
      via: access.via,
    }
    c.set('actor', actor)
    await next()
  }
}

/** Store APIs: attaches the customer when the mall's session cookie is valid. */
export function loadCustomer(services: CoreServices): MiddlewareHandler {
  return async (c, next) => {
    const tenant = c.var.tenant
    const cookie = sessionCookie(services.config, 'customer', tenant.id)
    const token = getCookie(c, cookie.name)
    const session = token ? await services.customerAuth(tenant.id).validate(token) : null
    if (session) {
      if (session.refreshed && token)
        setCookie(c, cookie.name, token, { ...cookie.options, expires: session.expiresAt })
      c.set('customer', session.user)
      c.set('actor', { kind: 'customer', id: session.user.id })
    } else if (token) {
      deleteCookie(c, cookie.name, cookie.options)
    }
    await next()
  }
}

/** The signed-in customer, or 401. */
export function currentCustomer(c: Context) {
  const customer = c.get('customer')
  if (!customer) throw new MallError('unauthenticated', 'Log in first')
  return customer
}
