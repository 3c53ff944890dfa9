import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/db.ts'
import { CORE_VERSION } from '../version.ts'
import { discoverPlugins } from '../plugins/discover.ts'
import { PluginHost } from '../plugins/host.ts'
import { withTenant } from './tenant-scope.ts'

interface TableInfo {
  table: string
  comment: string | null
  rls: boolean
  forced: boolean
}

async function tables(db: Kysely<any>): Promise<TableInfo[]> {
  const { rows } = await sql<TableInfo>`
    select c.relname as table, obj_description(c.oid, 'pg_class') as comment,
           c.relrowsecurity as rls, c.relforcerowsecurity as forced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'migrations\\_\\_%'
    order by c.relname`.execute(db)
  return rows
}

/** Tenant-owned tables: every table not marked `@platform <reason>`. */
async function tenantTables(db: Kysely<any>): Promise<string[]> {
  return (await tables(db)).filter((t) => !t.comment?.startsWith('@platform')).map((t) => t.table)
}

describe('tenant isolation', () => {
  let handle: TestDb
  let db: TestDb['db']
  let mallA: string
  let mallB: string
  let pluginIds: string[]

  beforeAll(async () => {
    // Every installed plugin's tables too: they must follow the same rules.
    const plugins = new PluginHost(await discoverPlugins(), CORE_VERSION)
    pluginIds = plugins.migrationSets().map((set) => set.owner)
    handle = await createTestDb(plugins.migrationSets())
    db = handle.db
    await db.insertInto('core__plan').values({ id: 'p', name: 'P', allowed_plugins: [] }).execute()
    mallA = (
      await db
        .insertInto('core__tenant')
        .values({ slug: 'a', name: 'A', plan_id: 'p' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    mallB = (
      await db
        .insertInto('core__tenant')
        .values({ slug: 'b', name: 'B', plan_id: 'p' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    for (const [tenant, name] of [
      [mallA, 'alice'],
      [mallB, 'bob'],
    ] as const)
      await withTenant(db, tenant, async (tx) => {
        const customer = await tx
          .insertInto('core__customer')
          .values({ tenant_id: tenant, email: `${name}@example.com`, name, password_hash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow()
        await tx
          .insertInto('core__customer_session')
          .values({
            tenant_id: tenant,
            id: `s-${name}`,
            customer_id: customer.id,
            expires_at: new Date(Date.now() + 60_000),
          })
          .execute()
        await tx
          .insertInto('core__audit_log')
          .values({
            tenant_id: tenant,
            actor_kind: 'system',
            actor_id: null,
            action: 'test',
            target: null,
            data: '{}',
            ip: null,
            request_id: null,
          })
          .execute()
        await tx
          .insertInto('core__plugin_install')
          .values({ tenant_id: tenant, plugin_id: 'x', enabled: true, settings: '{}' })
          .execute()
      })
  })
  afterAll(() => handle.close())

  it("includes the installed plugins' tables in every check below", async () => {
    const names = (await tables(db)).map((t) => t.table)
    // Without a discovered plugin this check (and the point of the checks below) is empty.
    expect(pluginIds).not.toEqual([])
    for (const id of pluginIds)
      expect(
        names.some((name) => name.startsWith(`${id.replaceAll('-', '_')}__`)),
        id,
      ).toBe(true)
  })

  it('marks every table as tenant-owned or as platform data with a reason', async () => {
    const all = await tables(db)
    expect(all.length).toBeGreaterThan(10)
    for (const t of all.filter((t) => t.comment?.startsWith('@platform')))
      expect(t.comment?.length, `${t.table} needs a reason after @platform`).toBeGreaterThan(
        '@platform '.length + 10,
      )
    // A table that stores mall data must never be waved through as platform data.
    expect(await tenantTables(db)).toEqual(
      expect.arrayContaining([
        'core__customer',
        'core__customer_session',
        'core__audit_log',
        'core__plugin_install',
        'core__agency_grant',
        'core__event_delivery',
      ]),
    )
  })

  it('forces row-level security with a tenant policy on every tenant table', async () => {
    const info = new Map((await tables(db)).map((t) => [t.table, t]))
    const { rows: policies } = await sql<{
      tablename: string
      qual: string
      with_check: string | null
    }>`
      select tablename, qual, with_check from pg_policies where schemaname = 'public'`.execute(db)
    for (const table of await tenantTables(db)) {
      expect(info.get(table)?.rls, `${table}: row level security enabled`).toBe(true)
      expect(info.get(table)?.forced, `${table}: row level security forced`).toBe(true)
      const policy = policies.find((p) => p.tablename === table)
      expect(policy?.qual, `${table}: policy on the tenant`).toMatch(
        /tenant_id = mallkit_current_tenant\(\)/,
      )
      expect(policy?.with_check, `${table}: policy checks writes`).toMatch(
        /tenant_id = mallkit_current_tenant\(\)/,
      )
    }
  })

  it('has tenant_id NOT NULL in every tenant table and in its primary, unique and foreign keys', async () => {
    const { rows: columns } = await sql<{ table: string; nullable: boolean }>`
      select c.relname as table, not a.attnotnull as nullable
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attname = 'tenant_id' and not a.attisdropped`.execute(db)
    const { rows: keys } = await sql<{
      table: string
      name: string
      type: string
      columns: string[]
    }>`
      select c.relname as table, k.conname as name, k.contype as type,
             array(select a.attname from unnest(k.conkey) as key(num)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = key.num)::text[] as columns
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype in ('p', 'u', 'f')`.execute(db)
    const { rows: uniqueIndexes } = await sql<{ table: string; name: string; definition: string }>`
      select i.tablename as table, i.indexname as name, i.indexdef as definition
      from pg_indexes i join pg_class c on c.relname = i.indexname
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and x.indisunique`.execute(db)
    for (const table of await tenantTables(db)) {
      const column = columns.find((c) => c.table === table)
      expect(column, `${table} has tenant_id`).toBeDefined()
      expect(column?.nullable, `${table}.tenant_id is NOT NULL`).toBe(false)
      const tableKeys = keys.filter((k) => k.table === table)
      expect(
        tableKeys.some((k) => k.type === 'p'),
        `${table} has a primary key`,
      ).toBe(true)
      for (const key of tableKeys)
        expect(key.columns, `${table}: ${key.name} includes tenant_id`).toContain('tenant_id')
      for (const index of uniqueIndexes.filter((i) => i.table === table))
        expect(index.definition, `${table}: unique index ${index.name} includes tenant_id`).toMatch(
          /\btenant_id\b/,
        )
    }
  })

  it('connects as a role that is not superuser, not BYPASSRLS and owns nothing', async () => {
    const { rows } = await sql<{ role: string; super: boolean; bypass: boolean; owned: number }>`
      select r.rolname as role, r.rolsuper as super, r.rolbypassrls as bypass,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = current_user`.execute(db)
    expect(rows).toEqual([{ role: 'mallkit_app', super: false, bypass: false, owned: 0 }])
    await expect(sql`create table mallkit_app_may_not_create (id int)`.execute(db)).rejects.toThrow(
      /permission denied/,
    )
  })

  it('shows nothing of any tenant table when no tenant is set', async () => {
    for (const table of await tenantTables(db)) {
      const { rows } = await sql<{
        n: number
      }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)
      expect(rows[0]?.n, `${table} without a tenant`).toBe(0)
    }
  })

  it("hides mall A's rows from a transaction of mall B without any app filter", async () => {
    const seen = await withTenant(db, mallB, async (tx) => ({
      customers: await tx.selectFrom('core__customer').select(['tenant_id', 'name']).execute(),
      sessions: await tx.selectFrom('core__customer_session').select('tenant_id').execute(),
      audit: await tx.selectFrom('core__audit_log').select('tenant_id').execute(),
      installs: await tx.selectFrom('core__plugin_install').select('tenant_id').execute(),
    }))
    expect(seen.customers).toEqual([{ tenant_id: mallB, name: 'bob' }])
    for (const rows of [seen.sessions, seen.audit, seen.installs])
      expect(rows.map((r) => r.tenant_id)).toEqual([mallB])
  })

  it("refuses writes of mall A's rows from a transaction of mall B", async () => {
    await expect(
      withTenant(db, mallB, (tx) =>
        tx
          .insertInto('core__customer')
          .values({ tenant_id: mallA, email: 'mallory@example.com', name: 'm', password_hash: 'x' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/)
    const changed = await withTenant(db, mallB, async (tx) => ({
      updated: (
        await tx
          .updateTable('core__customer')
          .set({ name: 'hacked' })
          .where('tenant_id', '=', mallA)
          .executeTakeFirst()
      ).numUpdatedRows,
      deleted: (
        await tx.deleteFrom('core__customer').where('tenant_id', '=', mallA).executeTakeFirst()
      ).numDeletedRows,
    }))
    expect(changed).toEqual({ updated: 0n, deleted: 0n })
    const names = await withTenant(db, mallA, (tx) =>
      tx.selectFrom('core__customer').select('name').execute(),
    )
    expect(names).toEqual([{ name: 'alice' }])
  })

  it('does not carry the tenant past the end of its transaction', async () => {
    await withTenant(db, mallA, (tx) => tx.selectFrom('core__customer').select('id').execute())
    const after = await db.selectFrom('core__customer').select('id').execute()
    expect(after).toEqual([])
  })

  it('keeps the audit log append-only for the app', async () => {
    await expect(
      withTenant(db, mallA, (tx) => tx.deleteFrom('core__audit_log').execute()),
    ).rejects.toThrow(/permission denied/)
    await expect(
      withTenant(db, mallA, (tx) =>
        tx.updateTable('core__audit_log').set({ action: 'x' }).execute(),
      ),
    ).rejects.toThrow(/permission denied/)
  })
})
