import { databaseUser, testAdapter } from '@lucia-auth/adapter-test'
import { sql, type Kysely } from 'kysely'
import type { Adapter, DatabaseSession } from 'lucia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { execAll, APP_ROLE } from '../db/sql-helpers.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { createTestDb, type TestDb } from '../../test/db.ts'
import { createKyselyAdapter } from './lucia-adapter.ts'

const luciaTestTables = {
  owner: 'test-lucia',
  migrations: {
    '0001': {
      up: async (db: Kysely<unknown>) => {
        await execAll(db, [
          `create table test_user (id text primary key, username text not null)`,
          `create table test_session (
             id text primary key,
             user_id text not null references test_user(id),
             expires_at timestamptz not null,
             country text not null)`,
          `grant select, insert, update, delete on test_user, test_session to ${APP_ROLE}`,
        ])
      },
    },
  },
}

let handle: TestDb

beforeAll(async () => {
  handle = await createTestDb([luciaTestTables])
})

afterAll(async () => {
  await handle?.close()
})

describe('createKyselyAdapter', () => {
  it("passes lucia's adapter tests", async () => {
    // lucia types user attributes through a global registration this project does not use.
    const { id, attributes } = databaseUser as { id: string; attributes: { username: string } }
    await sql`insert into test_user (id, username) values (${id}, ${attributes.username})`.execute(
      handle.db,
    )
    const adapter = createKyselyAdapter({
      db: handle.db,
      user: { table: 'test_user', attributes: ['username'] },
      session: { table: 'test_session', attributes: ['country'] },
    })
    // The suite narrates every step on stdout; its failures still arrive as a rejection.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await expect(testAdapter(adapter)).resolves.toBeUndefined()
    } finally {
      log.mockRestore()
    }
  })

  describe('with the customer configuration', () => {
    let tenantA: string
    let tenantB: string
    let customerA: string

    const customerAdapter = (tenantId: string, scopeTenantId = tenantId): Adapter =>
      createKyselyAdapter({
        db: handle.db,
        run: (work) => withTenant(handle.db, tenantId, work),
        user: { table: 'core__customer', attributes: ['tenant_id', 'email', 'phone', 'name'] },
        session: { table: 'core__customer_session', userIdColumn: 'customer_id', attributes: [] },
        scope: { column: 'tenant_id', value: scopeTenantId },
      })

    const sessionOf = (userId: string, id: string): DatabaseSession => ({
      id,
      userId,
      expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000),
      attributes: {},
    })

    beforeAll(async () => {
      const { db } = handle
      await db
        .insertInto('core__plan')
        .values({ id: 'adapter', name: 'Adapter', allowed_plugins: [] })
        .execute()
      const tenants = await db
        .insertInto('core__tenant')
        .values([
          { slug: 'adapter-a', name: 'A', plan_id: 'adapter' },
          { slug: 'adapter-b', name: 'B', plan_id: 'adapter' },
        ])
        .returning('id')
        .execute()
      tenantA = tenants[0]!.id
      tenantB = tenants[1]!.id
      const customer = await withTenant(db, tenantA, (tx) =>
        tx
          .insertInto('core__customer')
          .values({ tenant_id: tenantA, email: 'ann@example.com', name: 'Ann', password_hash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow(),
      )
      customerA = customer.id
    })

    it('sets, reads, extends and deletes a session inside the tenant', async () => {
      const adapter = customerAdapter(tenantA)
      const session = sessionOf(customerA, 'customer-session-1')
      await adapter.setSession(session)

      const [found, user] = await adapter.getSessionAndUser(session.id)
      expect(found).toEqual(session)
      expect(user).toEqual({
        id: customerA,
        attributes: { tenant_id: tenantA, email: 'ann@example.com', phone: null, name: 'Ann' },
      })
      expect(await adapter.getUserSessions(customerA)).toEqual([session])

      const later = new Date(session.expiresAt.getTime() + 60_000)
      await adapter.updateSessionExpiration(session.id, later)
      expect((await adapter.getSessionAndUser(session.id))[0]?.expiresAt).toEqual(later)

      await adapter.deleteSession(session.id)
      expect(await adapter.getSessionAndUser(session.id)).toEqual([null, null])
    })

    it("does not see or delete a session of tenant A from tenant B's adapter", async () => {
      const adapterA = customerAdapter(tenantA)
      const adapterB = customerAdapter(tenantB)
      const session = sessionOf(customerA, 'customer-session-2')
      await adapterA.setSession(session)

      expect(await adapterB.getSessionAndUser(session.id)).toEqual([null, null])
      expect(await adapterB.getUserSessions(customerA)).toEqual([])
      await adapterB.deleteSession(session.id)
      await adapterB.deleteUserSessions(customerA)
      expect((await adapterA.getSessionAndUser(session.id))[0]).toEqual(session)
    })

    it('filters by its scope even where row-level security lets the rows through', async () => {
      // Runs under tenant A's row-level security but scoped to tenant B: only the app's filter
      // stands between the call and tenant A's rows.
      const mismatched = customerAdapter(tenantA, tenantB)
      const session = sessionOf(customerA, 'customer-session-3')
      await customerAdapter(tenantA).setSession(session)

      expect(await mismatched.getSessionAndUser(session.id)).toEqual([null, null])
      expect(await mismatched.getUserSessions(customerA)).toEqual([])
      await mismatched.deleteSession(session.id)
      expect((await customerAdapter(tenantA).getSessionAndUser(session.id))[0]).toEqual(session)
    })
  })
})
