import type { Clock } from '../clock.ts'
import type { Db } from '../db/create-db.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { createKyselyAdapter } from './lucia-adapter.ts'
import { createRealm, type AuthRealm } from './realm.ts'

/** A signed-in staff member: one identity across agencies and malls. */
export interface StaffIdentity {
  id: string
  email: string
  name: string
}

/** A signed-in customer of one mall; the same person in two malls is two customers. */
export interface CustomerIdentity {
  id: string
  tenantId: string
  email: string | null
  phone: string | null
  name: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Staff log in with their email; sessions live in `core__staff_session`. */
export function createStaffRealm(deps: { db: Db; clock: Clock }): AuthRealm<StaffIdentity> {
  const { db } = deps
  return createRealm<StaffIdentity>({
    kind: 'staff',
    tenantId: null,
    deps,
    adapter: createKyselyAdapter({
      db,
      user: { table: 'core__staff_user', attributes: ['email', 'name'] },
      session: { table: 'core__staff_session', attributes: [] },
    }),
    identity: (row) => ({ email: row.email as string, name: row.name as string }),
    async findAccount(identifier) {
      if (identifier.kind !== 'email') return null
      const account = await db
        .selectFrom('core__staff_user')
        .select(['id', 'email', 'name', 'password_hash'])
        .where('email', '=', identifier.value)
        .executeTakeFirst()
      return account ?? null
    },
  })
}

/**
 * One mall's customers log in with an email or a phone number. Every query runs inside
 * `withTenant` (row-level security) and filters by `tenant_id` as well.
 */
export function createCustomerRealm(
  deps: { db: Db; clock: Clock },
  tenantId: string,
): AuthRealm<CustomerIdentity> {
  // The id becomes `app.tenant_id`, which the policies cast to uuid: fail here, not mid-query.
  if (!UUID.test(tenantId)) throw new TypeError(`Not a tenant id: ${tenantId}`)
  const { db } = deps
  return createRealm<CustomerIdentity>({
    kind: 'customer',
    tenantId,
    deps,
    adapter: createKyselyAdapter({
      db,
      run: (work) => withTenant(db, tenantId, work),
      user: { table: 'core__customer', attributes: ['tenant_id', 'email', 'phone', 'name'] },
      session: { table: 'core__customer_session', userIdColumn: 'customer_id', attributes: [] },
      scope: { column: 'tenant_id', value: tenantId },
    }),
    identity: (row) => ({
      tenantId: row.tenant_id as string,
      email: row.email as string | null,
      phone: row.phone as string | null,
      name: row.name as string,
    }),
    async findAccount(identifier) {
      const account = await withTenant(db, tenantId, (tx) =>
        tx
          .selectFrom('core__customer')
          .select(['id', 'tenant_id', 'email', 'phone', 'name', 'password_hash'])
          .where('tenant_id', '=', tenantId)
          .where(identifier.kind, '=', identifier.value)
          .executeTakeFirst(),
      )
      return account ?? null
    },
  })
}
