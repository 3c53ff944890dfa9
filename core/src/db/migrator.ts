import { sql, type Kysely } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { APP_ROLE } from './sql-helpers.ts'

/** One owner's migrations: the core's, or one plugin's. Ledger names never change. */
export interface MigrationSet {
  /** `core`, or a plugin id; the ledger is `migrations__<owner_snake>`. */
  owner: string
  migrations: Record<string, Migration>
}

export interface MigrationOutcome {
  owner: string
  applied: string[]
}

/** The ledger table of an owner: `lucky-wheel` keeps its history in `migrations__lucky_wheel`. */
export function ledgerTable(owner: string): string {
  return `migrations__${owner.replaceAll('-', '_')}`
}

/** Kysely's migrator over one owner's set and ledger. */
function migratorFor(db: Kysely<any>, set: MigrationSet): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => set.migrations },
    migrationTableName: ledgerTable(set.owner),
    migrationLockTableName: `${ledgerTable(set.owner)}_lock`,
  })
}

/**
 * Applies every set in order (core first, then plugins in dependency order), each against its
 * own ledger, and stops at the first failure so later owners never run on a half-migrated base.
 */
export async function migrateAll(
  db: Kysely<any>,
  sets: readonly MigrationSet[],
): Promise<MigrationOutcome[]> {
  const outcomes: MigrationOutcome[] = []
  for (const set of sets) {
    const { error, results = [] } = await migratorFor(db, set).migrateToLatest()
    const failed = results.find((result) => result.status === 'Error')
    if (error || failed) {
      const name = failed ? ` at ${failed.migrationName}` : ''
      throw new Error(`Migration of ${set.owner} failed${name}: ${String(error)}`, { cause: error })
    }
    // The app role may read (never write) ledgers, so /readyz can tell whether all are applied.
    await sql.raw(`grant select on ${ledgerTable(set.owner)} to ${APP_ROLE}`).execute(db)
    outcomes.push({
      owner: set.owner,
      applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    })
  }
  return outcomes
}

/** Names of migrations in `sets` that the database has not applied yet. */
export async function pendingMigrations(
  db: Kysely<any>,
  sets: readonly MigrationSet[],
): Promise<string[]> {
  const pending: string[] = []
  for (const set of sets) {
    const list = await migratorFor(db, set).getMigrations()
    for (const m of list) if (!m.executedAt) pending.push(`${set.owner}:${m.name}`)
  }
  return pending
}
