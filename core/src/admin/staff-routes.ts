import { createRoute, z } from '@hono/zod-openapi'
import { staffRoles } from '../auth/permissions.ts'
import type { MallContext } from '../context.ts'
import { MallError } from '../http/errors.ts'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'
import { ensureStaffUser } from '../tenancy/tenants.ts'

const Role = z.enum(staffRoles)
const Member = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), role: Role, since: z.string() })
  .openapi('StaffMember')
const UserParams = z.object({ userId: z.uuid() })

const list = createRoute({
  method: 'get',
  path: '/staff',
  tags: ['admin'],
  summary: "The mall's staff and their roles",
  responses: { 200: json(z.object({ items: z.array(Member) })), ...commonErrors },
})

const add = createRoute({
  method: 'post',
  path: '/staff',
  tags: ['admin'],
  summary: 'Add a staff member (an existing identity, or a new one with a password)',
  request: jsonBody(
    z.object({
      email: z.email().transform((e) => e.toLowerCase()),
      name: z.string().trim().min(1).max(100),
      password: z.string().min(10, 'at least 10 characters').max(200).optional(),
      role: Role,
    }),
  ),
  responses: {
    201: json(Member, 'Added'),
    ...commonErrors,
    409: { description: 'Already a member' },
  },
})

const changeRole = createRoute({
  method: 'put',
  path: '/staff/{userId}',
  tags: ['admin'],
  summary: "Change a member's role; their sessions end so the new role applies at once",
  request: { params: UserParams, ...jsonBody(z.object({ role: Role })) },
  responses: { 200: json(Member), ...commonErrors },
})

const remove = createRoute({
  method: 'delete',
  path: '/staff/{userId}',
  tags: ['admin'],
  summary: 'Remove a member from this mall',
  request: { params: UserParams },
  responses: { 204: { description: 'Removed' }, ...commonErrors },
})

/** `/api/admin/staff`: members, roles and their changes (audited). */
export function staffRoutes(services: CoreServices) {
  async function members(ctx: MallContext) {
    const rows = await ctx.db
      .selectFrom('core__staff_membership as m')
      .innerJoin('core__staff_user as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.email', 'u.name', 'm.role', 'm.created_at'])
      .where('m.tenant_id', '=', ctx.tenant.id)
      .orderBy('m.created_at')
      .execute()
    return rows.map((r) => ({
      userId: r.userId,
      email: r.email,
      name: r.name,
      role: r.role,
      since: r.created_at.toISOString(),
    }))
  }

  async function member(ctx: MallContext, userId: string) {
    const found = (await members(ctx)).find((m) => m.userId === userId)
    if (!found) throw new MallError('not_found', 'No such member of this mall')
    return found
  }

  /**
   * The mall's own staff change its staff list. An agency collaborator who could add members
   * could make itself (or an account it controls) a member and so outlast the owner revoking the
   * agency's grant.
   */
  function requireOwnStaff(ctx: MallContext) {
    ctx.require('core:staff.manage')
    if (ctx.actor.kind === 'staff' && ctx.actor.via === 'agency')
      throw new MallError('forbidden', "Only the mall's own staff can change its staff")
  }

  /** Owners are managed by owners only, and a mall always keeps one. */
  async function guardOwnership(
    ctx: MallContext,
    target: { role: string },
    nextRole: string | null,
  ) {
    const actorRole = ctx.actor.kind === 'staff' ? ctx.actor.role : null
    if ((target.role === 'owner' || nextRole === 'owner') && actorRole !== 'owner')
      throw new MallError('forbidden', 'Only an owner can grant or change the owner role')
    if (target.role === 'owner' && nextRole !== 'owner') {
      const owners = (await members(ctx)).filter((m) => m.role === 'owner')
      if (owners.length <= 1) throw new MallError('conflict', 'A mall needs at least one owner')
    }
  }

  return createRouter()
    .openapi(list, async (c) => {
      const items = await c.var.inMall(async (ctx) => {
        ctx.require('core:staff.manage')
        return members(ctx)
      })
      return c.json({ items }, 200)
    })
    .openapi(add, async (c) => {
      const body = c.req.valid('json')
      const created = await c.var.inMall(async (ctx) => {
        requireOwnStaff(ctx)
        await guardOwnership(ctx, { role: 'none' }, body.role)
        const existing = await ctx.db
          .selectFrom('core__staff_user')
          .select('id')
          .where('email', '=', body.email)
          .executeTakeFirst()
        if (!existing && !body.password)
          throw new MallError('validation_failed', 'A new staff account needs a password', {
            errors: [{ field: 'body.password', message: 'required for a new account' }],
          })
        const user =
          existing ??
          (await ensureStaffUser(ctx.db, {
            email: body.email,
            name: body.name,
            password: body.password as string,
          }))
        const inserted = await ctx.db
          .insertInto('core__staff_membership')
          .values({ user_id: user.id, tenant_id: ctx.tenant.id, role: body.role })
          .onConflict((oc) => oc.columns(['user_id', 'tenant_id']).doNothing())
          .returning('id')
          .executeTakeFirst()
        if (!inserted) throw new MallError('conflict', `${body.email} is already a member`)
        await ctx.audit('staff.added', `staff:${user.id}`, { email: body.email, role: body.role })
        return member(ctx, user.id)
      })
      return c.json(created, 201)
    })
    .openapi(changeRole, async (c) => {
      const { userId } = c.req.valid('param')
      const { role } = c.req.valid('json')
      const updated = await c.var.inMall(async (ctx) => {
        requireOwnStaff(ctx)
        const target = await member(ctx, userId)
        await guardOwnership(ctx, target, role)
        await ctx.db
          .updateTable('core__staff_membership')
          .set({ role })
          .where('user_id', '=', userId)
          .where('tenant_id', '=', ctx.tenant.id)
          .execute()
        await ctx.audit('staff.role-changed', `staff:${userId}`, { from: target.role, to: role })
        return member(ctx, userId)
      })
      // Privilege change: the member's sessions end, so no request runs on the old role.
      await services.staffAuth.invalidateUser(userId)
      return c.json(updated, 200)
    })
    .openapi(remove, async (c) => {
      const { userId } = c.req.valid('param')
      await c.var.inMall(async (ctx) => {
        requireOwnStaff(ctx)
        const target = await member(ctx, userId)
        await guardOwnership(ctx, target, null)
        await ctx.db
          .deleteFrom('core__staff_membership')
          .where('user_id', '=', userId)
          .where('tenant_id', '=', ctx.tenant.id)
          .execute()
        await ctx.audit('staff.removed', `staff:${userId}`, { role: target.role })
      })
      await services.staffAuth.invalidateUser(userId)
      return c.body(null, 204)
    })
}
