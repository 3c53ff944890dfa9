import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import {
  CompiledQuery,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type DatabaseConnection,
} from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'
import { APP_ROLE } from './sql-helpers.ts'
import { migrateAll, type MigrationSet } from './migrator.ts'
import {
  ChangeHub,
  listenOnPglite,
  listenOnPool,
  PostgresListener,
  type ChangeFeed,
} from './change-feed.ts'

/** The app's database handle: queries run as the app role, under row-level security. */
export type Db = Kysely<Database>

export type DbOptions =
  | { kind: 'pglite'; dataDir?: string | undefined; pglite?: PGlite }
  | { kind: 'postgres'; url: string; migrationUrl?: string | undefined; poolSize?: number }

export interface DbHandle {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Committed changes to what malls show, for this process's caches (`createCaches`). */
  changes: ChangeFeed
  /** Applies the migration sets as the owner role (core first, then plugins). */
  migrate(sets: readonly MigrationSet[]): Promise<void>
  close(): Promise<void>
}

// int8 (counts, sums) as JS numbers; money never exceeds 2^53 minor units.
pg.types.setTypeParser(20, (value) => Number(value))

const switchToAppRole = (connection: DatabaseConnection) =>
  connection.executeQuery(CompiledQuery.raw(`set role ${APP_ROLE}`)).then(() => undefined)

/**
 * Opens the database: embedded PGlite (persisted in `dataDir`, in memory when omitted) or
 * PostgreSQL through `pg`. Migrations run as the connecting (owner) role; every other query runs
 * after `SET ROLE mallkit_app`, so row-level security applies to all app traffic.
 */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  return options.kind === 'pglite' ? openPglite(options) : openPostgres(options)
}

async function openPglite(options: Extract<DbOptions, { kind: 'pglite' }>): Promise<DbHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const extensions = { pg_trgm }
  const pglite =
    options.pglite ??
    (options.dataDir ? new PGlite(options.dataDir, { extensions }) : new PGlite({ extensions }))
  await pglite.waitReady
  const changes = new ChangeHub()
  await listenOnPglite(pglite, changes)
  // PGlite is one session: the owner (superuser) session migrates, then the session switches to
  // the app role for good. `migrate` is therefore only allowed before the first app query.
  let appOpened = false
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({
      pglite,
      onCreateConnection: async (connection) => {
        appOpened = true
        await switchToAppRole(connection)
      },
    }),
  })
  return {
    kind: 'pglite',
    db,
    changes,
    async migrate(sets) {
      if (appOpened) throw new Error('PGlite migrations must run before the app opens the database')
      await pglite.query(`reset role`)
      await migrateAll(new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) }), sets)
    },
    async close() {
      changes.setLive(false)
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}

async function openPostgres(options: Extract<DbOptions, { kind: 'postgres' }>): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
  const changes = new ChangeHub(() => listener.start())
  const listener = new PostgresListener(options.url, changes)
  listenOnPool(pool, changes)
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, onCreateConnection: switchToAppRole }),
  })
  return {
    kind: 'postgres',
    db,
    changes,
    async migrate(sets) {
      const owner = new Kysely<unknown>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: options.migrationUrl ?? options.url, max: 1 }),
        }),
      })
      try {
        await migrateAll(owner, sets)
      } finally {
        await owner.destroy()
      }
    },
    async close() {
      await listener.close()
      await db.destroy()
    },
  }
}
