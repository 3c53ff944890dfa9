import type { Kysely } from 'kysely'
import { execAll } from '../sql-helpers.ts'

/** Order lines remember their place in the order, so they read back in the order bought. */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [`alter table core__order_line add column position integer not null default 0`])
}
