import { z } from '@hono/zod-openapi'
import { hashPassword } from '../auth/index.ts'
import { appendAudit } from '../db/audit-log.ts'
import type { Db } from '../db/create-db.ts'
import type { StaffRole, Tenant } from '../db/schema.ts'
import { sql } from 'kysely'
import { MallError } from '../http/errors.ts'

export const Slug = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens')

export const Timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}, 'an IANA timezone such as Asia/Shanghai')

export const Locale = z.enum(['zh-CN', 'en'])
export type Locale = z.infer<typeof Locale>

export const NewMall = z.object({
  slug: Slug,
  name: z.string().trim().min(1).max(100),
  defaultLocale: Locale.default('zh-CN'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY')
    .default('CNY'),
  timezone: Timezone.default('Asia/Shanghai'),
  planId: z.string().min(1).default('standard'),
  owner: z.object({
    email: z.email().transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(100),
    password: z.string().min(10, 'at least 10 characters').max(200).optional(),
  }),
})
export type NewMall = z.infer<typeof NewMall>

/** Slugs that would shadow platform hosts or paths. */
const RESERVED_SLUGS = new Set(['www', 'api', 'console', 'admin', 'platform', 'static', 's'])

/**
 * Creates a mall: the tenant row, the agency's grant (when an agency creates it) and the owner's
 * membership. The owner is an existing staff identity, or a new one when a password is given.
 */
export async function createMall(
  db: Db,
  input: NewMall,
  agencyId: string | null,
  actorId: string | null = null,
): Promise<Tenant> {
  if (RESERVED_SLUGS.has(input.slug))
    throw new MallError('validation_failed', 'This slug is reserved', {
      errors: [{ field: 'body.slug', message: 'reserved' }],
    })
  const plan = await db
    .selectFrom('core__plan')
    .select('id')
    .where('id', '=', input.planId)
    .executeTakeFirst()
  if (!plan)
    throw new MallError('validation_failed', `No plan "${input.planId}"`, {
      errors: [{ field: 'body.planId', message: 'unknown plan' }],
    })
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('core__tenant')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst()
    if (taken)
      throw new MallError('conflict', `The slug "${input.slug}" is taken`, {
        errors: [{ field: 'body.slug', message: 'taken' }],
      })
    const tenant = await tx
      .insertInto('core__tenant')
      .values({
        slug: input.slug,
        name: input.name,
        default_locale: input.defaultLocale,
        currency: input.currency,
        timezone: input.timezone,
        plan_id: input.planId,
        agency_id: agencyId,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    let owner = await tx
      .selectFrom('core__staff_user')
      .select('id')
      .where('email', '=', input.owner.email)
      .executeTakeFirst()
    if (!owner) {
      if (!input.owner.password)
        throw new MallError('validation_failed', 'A new owner needs a password', {
          errors: [{ field: 'body.owner.password', message: 'required for a new account' }],
        })
      owner = await tx
        .insertInto('core__staff_user')
        .values({
          email: input.owner.email,
          name: input.owner.name,
          password_hash: await hashPassword(input.owner.password),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    }
    await tx
      .insertInto('core__staff_membership')
      .values({ user_id: owner.id, tenant_id: tenant.id, role: 'owner' })
      .execute()
    // Enter the new mall's scope in the same transaction, so the mall is created whole or not at all.
    await sql`select set_config('app.tenant_id', ${tenant.id}, true)`.execute(tx)
    if (agencyId)
      await tx
        .insertInto('core__agency_grant')
        .values({ tenant_id: tenant.id, agency_id: agencyId })
        .execute()
    await appendAudit(tx, {
      tenantId: tenant.id,
      actorKind: actorId ? 'staff' : 'system',
      actorId,
      action: 'mall.created',
      target: `tenant:${tenant.id}`,
      data: { slug: tenant.slug, agencyId, owner: input.owner.email },
    })
    return tenant
  })
}

/** Creates a staff identity (email lowercased), or returns the existing one's id. */
export async function ensureStaffUser(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<{ id: string; created: boolean }> {
  const email = input.email.toLowerCase()
  const existing = await db
    .selectFrom('core__staff_user')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
  if (existing) return { id: existing.id, created: false }
  const row = await db
    .insertInto('core__staff_user')
    .values({ email, name: input.name, password_hash: await hashPassword(input.password) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, created: true }
}

/** Adds (or changes) a staff identity's role in a mall or an agency. */
export async function setMembership(
  db: Db,
  userId: string,
  scope: { tenantId: string } | { agencyId: string },
  role: StaffRole,
): Promise<void> {
  const column = 'tenantId' in scope ? 'tenant_id' : 'agency_id'
  const id = 'tenantId' in scope ? scope.tenantId : scope.agencyId
  const updated = await db
    .updateTable('core__staff_membership')
    .set({ role })
    .where('user_id', '=', userId)
    .where(column, '=', id)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) > 0) return
  await db
    .insertInto('core__staff_membership')
    .values({
      user_id: userId,
      role,
      tenant_id: column === 'tenant_id' ? id : null,
      agency_id: column === 'agency_id' ? id : null,
    })
    .execute()
}
