import type { Kysely } from 'kysely'
import { execAll, tenantTableStatements } from '../sql-helpers.ts'

/**
 * Per-mall order timing: how long an unpaid order holds its stock, how many days after shipping
 * receipt is confirmed automatically, and how long after receipt the order completes (the 7-day
 * no-reason return window). A mall without a row uses the defaults below.
 */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `create table core__commerce_setting (
       tenant_id uuid not null references core__tenant(id),
       unpaid_timeout_minutes integer not null default 30 check (unpaid_timeout_minutes between 1 and 10080),
       auto_receive_days integer not null default 10 check (auto_receive_days between 1 and 90),
       complete_days integer not null default 7 check (complete_days between 0 and 90),
       updated_at timestamptz not null default now(),
       primary key (tenant_id))`,
    ...tenantTableStatements('core__commerce_setting'),
  ])
}
