import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { createDb, type DbHandle } from '../src/db/create-db.ts'
import { coreMigrations } from '../src/db/migrations/index.ts'
import type { MigrationSet } from '../src/db/migrator.ts'
import { withDatabase } from './global-setup.ts'

export interface TestDb extends DbHandle {
  /** Which database this file runs on: PGlite by default, PostgreSQL on the `test:pg` leg. */
  kind: 'pglite' | 'postgres'
}

/**
 * A fresh, migrated database for one test file: in-process PGlite, or (when the PostgreSQL leg
 * runs) a new database copied from the migrated template. Extra migration sets (fixture
 * plugins) are applied after the core's. Close it in `afterAll`.
 */
export async function createTestDb(extra: readonly MigrationSet[] = []): Promise<TestDb> {
  const postgresUrl = process.env.MALLKIT_TEST_DB === 'postgres' ? inject('postgresUrl') : undefined
  if (!postgresUrl) {
    const handle = await createDb({ kind: 'pglite' })
    await handle.migrate([coreMigrations, ...extra])
    return handle
  }
  const name = `mk_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create database ${name} template mallkit_template`)
  await admin.end()
  const url = withDatabase(postgresUrl, name)
  const handle = await createDb({ kind: 'postgres', url, poolSize: 20 })
  await handle.migrate([coreMigrations, ...extra])
  return {
    ...handle,
    async close() {
      await handle.close()
      const dropper = new pg.Client({ connectionString: postgresUrl })
      await dropper.connect()
      // pg's pool.end() resolves before its sockets close: forcing the drop while they linger
      // kills them mid-goodbye, an unhandled error in the test run. Let them leave first.
      for (let i = 0; i < 200; i++) {
        const { rows } = await dropper.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        )
        if (rows[0]?.n === 0) break
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}
