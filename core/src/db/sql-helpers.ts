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
