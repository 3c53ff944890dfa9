import { sql, type Kysely } from 'kysely'

/** The role every app connection switches to: not superuser, not BYPASSRLS, owns no tables. */
export const APP_ROLE = 'mallkit_app'

/**
 * Runs statements one by one: PGlite's extended protocol takes a single statement per query.
 */
export async function execAll(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

/**
 * The statements that make `table` tenant-owned: row-level security enabled and forced, with one
 * policy that shows and accepts only rows of the tenant set by `set_config('app.tenant_id', …)`.
 * Plugin migrations call this for every table they create.
 *
 * @example
 * await execAll(db, [
 *   `create table lucky_wheel__spin (tenant_id uuid not null references core__tenant(id), …)`,
 *   ...tenantTableStatements('lucky_wheel__spin'),
 * ])
 */
export function tenantTableStatements(table: string): string[] {
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy tenant_isolation on ${table} using (tenant_id = mallkit_current_tenant()) with check (tenant_id = mallkit_current_tenant())`,
    `grant select, insert, update, delete on ${table} to ${APP_ROLE}`,
  ]
}

/** Which columns of a table matter to what the storefront shows; see `storefrontNotifyStatements`. */
export interface StorefrontNotifyOptions {
  /** Columns whose change alone announces nothing (counters pages may show stale for a while). */
  quietColumns?: readonly string[]
  /** An SQL condition on `OLD` and `NEW` that announces an update all the same. */
  alsoWhen?: string
}

/**
 * Row triggers that announce every committed change of a tenant-owned `table` on the storefront
 * channel, so each process drops that mall's cached pages and catalog answers (the function is
 * created by the core's migration 0008). A plugin whose blocks show its own tables' data calls this
 * for them.
 *
 * @example
 * await execAll(db, [...storefrontNotifyStatements('lucky_wheel__prize')])
 */
export function storefrontNotifyStatements(
  table: string,
  options: StorefrontNotifyOptions = {},
): string[] {
  const notify = `execute function mallkit_notify_storefront('content')`
  const quiet = options.quietColumns ?? []
  if (!quiet.length && !options.alsoWhen)
    return [
      `create trigger notify_storefront after insert or update or delete on ${table} for each row ${notify}`,
    ]
  const ignored = `array[${quiet.map(quoteLiteral).join(', ')}]::text[]`
  const changed = `(to_jsonb(OLD) - ${ignored}) is distinct from (to_jsonb(NEW) - ${ignored})`
  const when = options.alsoWhen ? `${changed} or (${options.alsoWhen})` : changed
  return [
    `create trigger notify_storefront after insert or delete on ${table} for each row ${notify}`,
    `create trigger notify_storefront_update after update on ${table} for each row when (${when}) ${notify}`,
  ]
}

/** Marks a table as platform data (no tenant owner); the schema test requires a reason. */
export function platformTableStatements(table: string, reason: string): string[] {
  return [
    `comment on table ${table} is ${quoteLiteral(`@platform ${reason}`)}`,
    `grant select, insert, update, delete on ${table} to ${APP_ROLE}`,
  ]
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** Escapes `%`, `_` and `\` so user text matches literally in a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/**
 * Customers whose name or email (any case) or phone contains `q`: the one customer search of the
 * admin lists. `table` is `core__customer` or its alias in a join.
 *
 * @example query.where(customerMatches(q, 'c'))
 */
export function customerMatches(q: string, table = 'core__customer') {
  const pattern = `%${escapeLike(q)}%`
  const column = (name: string) => sql.ref(`${table}.${name}`)
  return sql<boolean>`(${column('name')} ilike ${pattern} or ${column('email')} ilike ${pattern} or ${column('phone')} like ${pattern})`
}
