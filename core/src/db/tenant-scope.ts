import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.ts'

/** A transaction scoped to one mall: tenant tables show and accept only that mall's rows. */
export type TenantTx = Transaction<Database>

/**
 * Runs `work` in a transaction that sets `app.tenant_id` for its duration only
 * (`set_config(…, true)`), so a pooled connection never carries a tenant into the next request.
 */
export function withTenant<T>(
  db: Kysely<Database>,
  tenantId: string,
  work: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(tx)
    return work(tx)
  })
}

/**
 * Runs `work` in the 'system' scope, which only the job queue's policy recognises: the worker
 * claims jobs of every mall here, then runs each job in that mall's own tenant transaction.
 */
export function withSystemScope<T>(
  db: Kysely<Database>,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.scope', 'system', true)`.execute(tx)
    return work(tx)
  })
}
