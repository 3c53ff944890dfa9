import { sql } from 'kysely'
import pino from 'pino'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../../test/db.ts'
import {
  createFixtureCore,
  putPlugin,
  setPlugin,
  type FixtureCore,
} from '../../test/fixtures/fixture-core.ts'
import type { FixtureTables } from '../../test/fixtures/fixture-plugins.ts'
import { createTestCore, type TestClient, type TestMall } from '../../test/app.ts'
import { bootCore } from '../boot.ts'
import { loadConfig } from '../config/env.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { definePlugin, definePluginServer } from './contract.ts'
import { PluginBootError } from './host.ts'

const STAMPS = 'fixture-stamps'
const BADGES = 'fixture-badges'

interface Problem {
  status: number
  code: string
  detail: string
  errors?: { field: string; message: string }[]
}

interface PluginStateBody {
  id: string
  allowed: boolean
  enabled: boolean
  settings: Record<string, unknown>
}

let core: FixtureCore

beforeAll(async () => {
  core = await createFixtureCore()
})
afterAll(() => core?.close())

const cardPath = (mall: TestMall, customer = 'ann') =>
  `/s/${mall.slug}/api/store/p/${STAMPS}/card?customer=${customer}`
const stampPath = (mall: TestMall) => `/s/${mall.slug}/api/admin/p/${STAMPS}/stamps`

async function states(client: TestClient, mall: TestMall): Promise<PluginStateBody[]> {
  const response = await client.get(`/s/${mall.slug}/api/admin/plugins`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { items: PluginStateBody[] }).items
}

async function stateOf(client: TestClient, mall: TestMall, id: string) {
  const found = (await states(client, mall)).find((state) => state.id === id)
  if (!found) throw new Error(`plugin ${id} is not listed`)
  return found
}

/** The mall's install rows and plugin audit entries: what a refused change must not write. */
async function pluginWrites(mall: TestMall) {
  return withTenant(core.services.db, mall.id, async (tx) => ({
    installs: await tx.selectFrom('core__plugin_install').selectAll().execute(),
    audits: await tx
      .selectFrom('core__audit_log')
      .select('action')
      .where('action', 'like', 'plugin.%')
      .execute(),
  }))
}

describe('plugin centre', () => {
  it('lists the installed plugins off, in dependency order, with default settings', async () => {
    const { mall, owner } = await core.mallWithOwner('listing')
    const items = await states(owner, mall)
    expect(items.map((item) => item.id)).toEqual([STAMPS, BADGES])
    expect(items.map((item) => [item.allowed, item.enabled])).toEqual([
      [true, false],
      [true, false],
    ])
    expect(items[0]?.settings).toEqual({ stampsPerCard: 10, cardTitle: 'Stamp card' })
    expect(items[1]?.settings).toEqual({ threshold: 3 })
  })

  it('serves a plugin’s routes only while it is on for the mall, with no restart', async () => {
    const { mall, owner } = await core.mallWithOwner('toggle')
    const other = await core.mallWithOwner('toggle-other')
    const shopper = core.client()

    expect((await shopper.get(cardPath(mall))).status).toBe(404)
    expect((await owner.post(stampPath(mall), { customer: 'ann' })).status).toBe(404)

    await setPlugin(owner, mall, STAMPS, { enabled: true, settings: { cardTitle: 'Coffee' } })
    const card = await shopper.get(cardPath(mall))
    expect(card.status).toBe(200)
    expect(await card.json()).toEqual({ title: 'Coffee', stampsPerCard: 10, stamps: 0 })
    expect((await owner.post(stampPath(mall), { customer: 'ann' })).status).toBe(201)
    expect(await (await shopper.get(cardPath(mall))).json()).toMatchObject({ stamps: 1 })
    // On for one mall is not on for another.
    expect((await shopper.get(cardPath(other.mall))).status).toBe(404)

    await setPlugin(owner, mall, STAMPS, { enabled: false })
    const off = await shopper.get(cardPath(mall))
    expect(off.status).toBe(404)
    expect(((await off.json()) as Problem).code).toBe('plugin_disabled')
    expect((await owner.post(stampPath(mall), { customer: 'ann' })).status).toBe(404)
  })

  it('keeps a plugin’s admin routes behind the staff session and the mall', async () => {
    const { mall, owner } = await core.mallWithOwner('guarded')
    const stranger = await core.mallWithOwner('guarded-stranger')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    expect((await core.client().post(stampPath(mall), { customer: 'ann' })).status).toBe(401)
    expect((await stranger.owner.post(stampPath(mall), { customer: 'ann' })).status).toBe(403)
    expect(await core.rows(mall, 'fixture_stamps__stamp')).toEqual([])
  })

  it('applies saved settings on the next request', async () => {
    const { mall, owner } = await core.mallWithOwner('settings-live')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    expect(await (await core.client().get(cardPath(mall))).json()).toMatchObject({
      stampsPerCard: 10,
    })
    const saved = await setPlugin(owner, mall, STAMPS, {
      enabled: true,
      settings: { stampsPerCard: 6 },
    })
    expect(saved.settings).toEqual({ stampsPerCard: 6, cardTitle: 'Stamp card' })
    expect(await (await core.client().get(cardPath(mall))).json()).toMatchObject({
      stampsPerCard: 6,
    })
  })

  it('calls onEnable and onDisable once per change of state', async () => {
    const { mall, owner } = await core.mallWithOwner('lifecycle')
    const before = core.fixtures.trace.length
    await setPlugin(owner, mall, STAMPS, { enabled: true, settings: { stampsPerCard: 7 } })
    await setPlugin(owner, mall, STAMPS, { enabled: true, settings: { stampsPerCard: 8 } })
    await setPlugin(owner, mall, STAMPS, { enabled: false })
    await setPlugin(owner, mall, STAMPS, { enabled: false })
    expect(core.fixtures.trace.slice(before)).toEqual([
      'fixture-stamps:on-enable:7',
      'fixture-stamps:on-disable',
    ])
  })

  it('refuses with 403 plugin_not_allowed to enable a plugin the plan excludes, writing nothing', async () => {
    const { mall, owner } = await core.mallWithOwner('thrifty', { planId: 'basic' })
    const response = await putPlugin(owner, mall, STAMPS, {
      enabled: true,
      settings: { stampsPerCard: 5 },
    })
    expect(response.status).toBe(403)
    const problem = (await response.json()) as Problem
    expect(problem.code).toBe('plugin_not_allowed')
    expect(problem.detail).toContain(STAMPS)
    expect(await pluginWrites(mall)).toEqual({ installs: [], audits: [] })
    expect(await core.jobs(mall)).toEqual([])
    expect(await stateOf(owner, mall, STAMPS)).toMatchObject({ allowed: false, enabled: false })
    expect((await core.client().get(cardPath(mall))).status).toBe(404)
  })

  it('rejects bad settings with 422 naming each field, and keeps the saved settings', async () => {
    const { mall, owner } = await core.mallWithOwner('bad-settings')
    await setPlugin(owner, mall, STAMPS, { enabled: true, settings: { stampsPerCard: 5 } })
    const { installs, audits } = await pluginWrites(mall)

    const response = await putPlugin(owner, mall, STAMPS, {
      enabled: true,
      settings: { stampsPerCard: 0, cardTitle: '   ' },
    })
    expect(response.status).toBe(422)
    const problem = (await response.json()) as Problem
    expect(problem.code).toBe('validation_failed')
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      'settings.cardTitle',
      'settings.stampsPerCard',
    ])

    const wrongType = await putPlugin(owner, mall, STAMPS, {
      enabled: false,
      settings: { stampsPerCard: 'ten' },
    })
    expect(wrongType.status).toBe(422)
    expect(((await wrongType.json()) as Problem).errors?.map((error) => error.field)).toEqual([
      'settings.stampsPerCard',
    ])

    expect(await pluginWrites(mall)).toEqual({ installs, audits })
    expect(await stateOf(owner, mall, STAMPS)).toMatchObject({
      enabled: true,
      settings: { stampsPerCard: 5, cardTitle: 'Stamp card' },
    })
  })

  it('saves no row for a plugin first enabled with bad settings', async () => {
    const { mall, owner } = await core.mallWithOwner('bad-first')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    const response = await putPlugin(owner, mall, BADGES, {
      enabled: true,
      settings: { threshold: -1 },
    })
    expect(response.status).toBe(422)
    expect(((await response.json()) as Problem).errors?.[0]?.field).toBe('settings.threshold')
    const { installs } = await pluginWrites(mall)
    expect(installs.map((row) => row.plugin_id)).toEqual([STAMPS])
  })

  it('refuses with 409 to enable a plugin whose dependency is off', async () => {
    const { mall, owner } = await core.mallWithOwner('dependency-off')
    const response = await putPlugin(owner, mall, BADGES, { enabled: true })
    expect(response.status).toBe(409)
    const problem = (await response.json()) as Problem
    expect(problem.code).toBe('plugin_dependency')
    expect(problem.detail).toBe(`Turn on "${STAMPS}" first: "${BADGES}" needs it`)
    expect(await pluginWrites(mall)).toEqual({ installs: [], audits: [] })
    expect(await stateOf(owner, mall, BADGES)).toMatchObject({ enabled: false })
  })

  it('refuses with 409 to disable a plugin another enabled plugin depends on', async () => {
    const { mall, owner } = await core.mallWithOwner('dependency-on')
    await setPlugin(owner, mall, STAMPS, { enabled: true })
    await setPlugin(owner, mall, BADGES, { enabled: true })

    const response = await putPlugin(owner, mall, STAMPS, { enabled: false })
    expect(response.status).toBe(409)
    const problem = (await response.json()) as Problem
    expect(problem.code).toBe('plugin_dependency')
    expect(problem.detail).toBe(`Turn off "${BADGES}" first: it needs "${STAMPS}"`)
    expect(await stateOf(owner, mall, STAMPS)).toMatchObject({ enabled: true })
    expect((await core.client().get(cardPath(mall))).status).toBe(200)

    await setPlugin(owner, mall, BADGES, { enabled: false })
    await setPlugin(owner, mall, STAMPS, { enabled: false })
    expect((await states(owner, mall)).map((state) => state.enabled)).toEqual([false, false])
  })

  it('answers 404 for a plugin that is not installed', async () => {
    const { mall, owner } = await core.mallWithOwner('unknown-plugin')
    const response = await putPlugin(owner, mall, 'fixture-nobody', { enabled: true })
    expect(response.status).toBe(404)
    expect(((await response.json()) as Problem).code).toBe('not_found')
  })

  it('describes the plugins’ routes in the OpenAPI document', async () => {
    const response = await core.client().get('/api/openapi.json')
    expect(response.status).toBe(200)
    const paths = Object.keys(((await response.json()) as { paths: object }).paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        `/api/store/p/${STAMPS}/card`,
        `/api/admin/p/${STAMPS}/stamps`,
        `/api/store/p/${BADGES}/progress/{customer}`,
      ]),
    )
  })
})

describe('plugin tables', () => {
  const fixtureTables = [
    'fixture_stamps__stamp',
    'fixture_stamps__notice',
    'fixture_stamps__tally',
    'fixture_badges__progress',
  ] as const satisfies readonly (keyof FixtureTables)[]

  it('follow the tenant rules: forced row-level security and tenant_id in the primary key', async () => {
    const { rows } = await sql<{
      table: string
      rls: boolean
      forced: boolean
      tenant_not_null: boolean
      pk_has_tenant: boolean
    }>`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select a.attnotnull from pg_attribute a
          where a.attrelid = c.oid and a.attname = 'tenant_id') as tenant_not_null,
        exists (select 1 from pg_index i join pg_attribute a
          on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
          where i.indrelid = c.oid and i.indisprimary and a.attname = 'tenant_id') as pk_has_tenant
      from pg_class c
      where c.relname like 'fixture\\_%' escape '\\' and c.relkind = 'r'
      order by c.relname`.execute(core.services.db)
    expect(rows.map((row) => row.table)).toEqual([...fixtureTables].sort())
    for (const row of rows)
      expect(row, row.table).toMatchObject({
        rls: true,
        forced: true,
        tenant_not_null: true,
        pk_has_tenant: true,
      })
  })

  it('keep each mall’s rows to itself, and show nothing without a mall', async () => {
    const a = await core.mallWithOwner('rows-a')
    const b = await core.mallWithOwner('rows-b')
    await setPlugin(a.owner, a.mall, STAMPS, { enabled: true })
    expect((await a.owner.post(stampPath(a.mall), { customer: 'ann' })).status).toBe(201)

    expect(await core.rows(a.mall, 'fixture_stamps__stamp')).toHaveLength(1)
    expect(await core.rows(b.mall, 'fixture_stamps__stamp')).toEqual([])
    const unscoped = await core.services.db
      .withTables<FixtureTables>()
      .selectFrom('fixture_stamps__stamp')
      .selectAll()
      .execute()
    expect(unscoped).toEqual([])

    const foreign = withTenant(core.services.db, b.mall.id, (tx) =>
      tx
        .withTables<FixtureTables>()
        .insertInto('fixture_stamps__stamp')
        .values({ tenant_id: a.mall.id, customer: 'mallory' })
        .execute(),
    )
    await expect(foreign).rejects.toThrow(/row-level security/)
    expect(await core.rows(a.mall, 'fixture_stamps__stamp')).toHaveLength(1)
  })

  it('are migrated under the plugin’s own ledger', async () => {
    const { rows } = await sql<{ ledger: string | null }>`
      select to_regclass('migrations__fixture_stamps')::text as ledger`.execute(core.services.db)
    expect(rows[0]?.ledger).toBe('migrations__fixture_stamps')
    const applied = await sql<{
      name: string
    }>`select name from migrations__fixture_stamps`.execute(core.services.db)
    expect(applied.rows.map((row) => row.name)).toEqual(['0001-stamp-tables'])
  })
})

describe('boot', () => {
  it('refuses an incompatible plugin with a clear message, before migrating it', async () => {
    const database = await createTestDb()
    try {
      const future = definePluginServer(
        definePlugin({
          id: 'fixture-future',
          version: '3.0.0',
          compatibility: '^2.0.0',
          name: { en: 'From the future', 'zh-CN': '来自未来' },
          settings: z.object({}),
        }),
        {
          migrations: {
            '0001-future': {
              up: async (db) => {
                await sql`create table fixture_future__thing (id int)`.execute(db)
              },
            },
          },
        },
      )
      const boot = bootCore({
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
        plugins: [future],
        database,
        log: pino({ level: 'silent' }),
      })
      await expect(boot).rejects.toThrow(PluginBootError)
      await expect(boot).rejects.toThrow(
        'Plugin "fixture-future" needs @mallkit/core ^2.0.0, but this is 0.1.0',
      )
      const { rows } = await sql<{ ledger: string | null; thing: string | null }>`
        select to_regclass('migrations__fixture_future')::text as ledger,
          to_regclass('fixture_future__thing')::text as thing`.execute(database.db)
      expect(rows[0]).toEqual({ ledger: null, thing: null })
    } finally {
      await database.close()
    }
  })
})

describe('dependencies on any version', () => {
  it('still block turning the dependency off when the range is empty', async () => {
    const minimal = (id: string, dependsOn?: Record<string, string>) =>
      definePluginServer(
        definePlugin({
          id,
          version: '1.0.0',
          compatibility: '*',
          dependsOn,
          name: { en: id, 'zh-CN': id },
          settings: z.object({}),
        }),
        {},
      )
    // An empty range is valid semver for "any version", so the manifest accepts it.
    const own = await createTestCore({ plugins: [minimal('base'), minimal('top', { base: '' })] })
    try {
      const mall = await own.createMall('any-version')
      const owner = own.client()
      await owner.loginStaff(mall.ownerEmail)
      await setPlugin(owner, mall, 'base', { enabled: true })
      await setPlugin(owner, mall, 'top', { enabled: true })
      const response = await putPlugin(owner, mall, 'base', { enabled: false })
      expect(response.status).toBe(409)
      expect(((await response.json()) as Problem).detail).toBe(
        'Turn off "top" first: it needs "base"',
      )
    } finally {
      await own.close()
    }
  })
})
