import type { Kysely, Transaction } from 'kysely'
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'

// Table names are configuration here, not a compiled schema type, so the adapter's database is
// untyped; rows are read back through the configured column names only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedSchema = any
type Executor = Kysely<UntypedSchema> | Transaction<UntypedSchema>
type Row = Record<string, unknown>

/** Where lucia's users and sessions live, and how every call reaches the database. */
export interface KyselyAdapterOptions {
  db: Kysely<UntypedSchema>
  /**
   * Wraps every adapter call, e.g. `(work) => withTenant(db, tenantId, work)` so the calls run
   * under row-level security. Each call is one short unit: never nest it in an open transaction.
   */
  run?: <T>(work: (db: Executor) => Promise<T>) => Promise<T>
  /** The user table; its key column is `id`. Attributes are column names, read 1:1. */
  user: { table: string; attributes: readonly string[] }
  /**
   * The session table, with columns `id`, `expires_at` (timestamptz) and the user reference
   * (`user_id` unless `userIdColumn` says otherwise), plus attributes written and read 1:1.
   */
  session: { table: string; userIdColumn?: string; attributes: readonly string[] }
  /**
   * A column every row must match (e.g. `tenant_id`): added to every WHERE and to every insert,
   * the app's own wall behind row-level security.
   */
  scope?: { column: string; value: string }
}

/**
 * A lucia v3 adapter over Kysely, for PGlite and PostgreSQL alike. Session ids are stored as
 * given; callers pass the hash of the cookie token (see `session-token.ts`), never the token.
 */
export function createKyselyAdapter(options: KyselyAdapterOptions): Adapter {
  const { user, session, scope } = options
  const userIdColumn = session.userIdColumn ?? 'user_id'
  const run = options.run ?? ((work) => work(options.db))

  // Narrows any query builder to the scope; `qualifier` names the table alias when joined.
  const scoped = <Q extends Filterable<Q>>(query: Q, qualifier = ''): Q =>
    scope ? query.where(`${qualifier}${scope.column}`, '=', scope.value) : query

  const toSession = (row: Row, prefix = ''): DatabaseSession => ({
    id: row[`${prefix}id`] as string,
    userId: row[`${prefix}user_id`] as string,
    expiresAt: toDate(row[`${prefix}expires_at`]),
    attributes: pick(row, session.attributes, prefix),
  })

  const sessionColumns = (alias: string, prefix: string) => [
    `${alias}.id as ${prefix}id`,
    `${alias}.${userIdColumn} as ${prefix}user_id`,
    `${alias}.expires_at as ${prefix}expires_at`,
    ...session.attributes.map((column) => `${alias}.${column} as ${prefix}${column}`),
  ]

  return {
    getSessionAndUser: (sessionId) =>
      run(async (db) => {
        const query = db
          .selectFrom(`${session.table} as s`)
          .innerJoin(`${user.table} as u`, (join) => {
            const onUser = join.onRef('u.id', '=', `s.${userIdColumn}`)
            return scope ? onUser.onRef(`u.${scope.column}`, '=', `s.${scope.column}`) : onUser
          })
          .select([
            ...sessionColumns('s', 's__'),
            'u.id as u__id',
            ...user.attributes.map((column) => `u.${column} as u__${column}`),
          ])
          .where('s.id', '=', sessionId)
        const row: Row | undefined = await scoped(query, 's.').executeTakeFirst()
        if (!row) return [null, null]
        const databaseUser: DatabaseUser = {
          id: row.u__id as string,
          attributes: pick(row, user.attributes, 'u__'),
        }
        return [toSession(row, 's__'), databaseUser]
      }),

    getUserSessions: (userId) =>
      run(async (db) => {
        const query = db
          .selectFrom(`${session.table} as s`)
          .select(sessionColumns('s', ''))
          .where(`s.${userIdColumn}`, '=', userId)
        const rows: Row[] = await scoped(query, 's.').execute()
        return rows.map((row) => toSession(row))
      }),

    setSession: (databaseSession) =>
      run(async (db) => {
        const attributes = databaseSession.attributes as Row
        const values: Row = {
          id: databaseSession.id,
          [userIdColumn]: databaseSession.userId,
          expires_at: databaseSession.expiresAt,
        }
        for (const column of session.attributes) values[column] = attributes[column]
        if (scope) values[scope.column] = scope.value
        await db.insertInto(session.table).values(values).execute()
      }),

    updateSessionExpiration: (sessionId, expiresAt) =>
      run(async (db) => {
        const query = db
          .updateTable(session.table)
          .set({ expires_at: expiresAt })
          .where('id', '=', sessionId)
        await scoped(query).execute()
      }),

    deleteSession: (sessionId) =>
      run(async (db) => {
        await scoped(db.deleteFrom(session.table).where('id', '=', sessionId)).execute()
      }),

    deleteUserSessions: (userId) =>
      run(async (db) => {
        await scoped(db.deleteFrom(session.table).where(userIdColumn, '=', userId)).execute()
      }),

    deleteExpiredSessions: () =>
      run(async (db) => {
        // Lucia judges expiry by this process's clock, so the sweep does too (not the database's).
        const query = db.deleteFrom(session.table).where('expires_at', '<=', new Date())
        await scoped(query).execute()
      }),
  }
}

interface Filterable<Q> {
  where(column: string, operator: '=', value: string): Q
}

function pick(row: Row, columns: readonly string[], prefix: string): Row {
  const picked: Row = {}
  for (const column of columns) picked[column] = row[`${prefix}${column}`]
  return picked
}

// Both drivers parse timestamptz into Date; a string can only come from a custom type parser.
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string)
}
