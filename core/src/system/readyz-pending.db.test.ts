import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestDb } from '../../test/db.ts'
import { bootCore, type Core } from '../boot.ts'
import { loadConfig } from '../config/env.ts'
import { coreMigrations } from '../db/migrations/index.ts'
import { definePlugin, definePluginServer, execAll } from '../plugins/index.ts'
import { PluginHost } from '../plugins/host.ts'
import { CORE_VERSION } from '../version.ts'

/** A plugin whose one migration the test applies only after checking the probe. */
const late = definePluginServer(
  definePlugin({
    id: 'late-tables',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Late tables', 'zh-CN': '迟到的表' },
    settings: z.object({}),
  }),
  {
    migrations: {
      '0001-nothing': {
        up: (db) => execAll(db, ["comment on schema public is 'late-tables was here'"]),
      },
    },
  },
)

describe('/readyz with migrations pending', () => {
  let core: Core | undefined
  afterAll(() => core?.close())

  it('answers 503 naming the pending migration until it is applied (then 200, on PostgreSQL)', async () => {
    // The core's migrations only: the plugin's are pending, as on a deploy that skipped them.
    const database = await createTestDb()
    core = await bootCore({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      plugins: [late],
      database,
      skipMigrations: true,
      log: pino({ level: 'silent' }),
    })
    const probe = () =>
      core!.app.request('http://localhost/readyz', { headers: { host: 'localhost' } })

    const pending = await probe()
    expect(pending.status).toBe(503)
    expect(pending.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await pending.json()) as { code: string; detail: string }
    expect(problem.code).toBe('not_ready')
    expect(problem.detail).toContain('0001-nothing')
    expect((await core.app.request('http://localhost/healthz')).status).toBe(200)

    // PGlite migrates only before the app opens it; PostgreSQL shows the probe recovering.
    if (process.env.MALLKIT_TEST_DB !== 'postgres') return
    await database.migrate([
      coreMigrations,
      ...new PluginHost([late], CORE_VERSION).migrationSets(),
    ])
    expect((await probe()).status).toBe(200)
  })
})
