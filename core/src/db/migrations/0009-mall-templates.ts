import type { Kysely } from 'kysely'
import { execAll, platformTableStatements } from '../sql-helpers.ts'

/**
 * Mall templates: an agency's snapshot of a mall (published pages with their theme, enabled
 * plugins and their settings) that new client malls start from. A snapshot, not a live pointer:
 * once a mall is handed over its owner may revoke the agency's access, and later edits must not
 * leak into other clients' malls.
 */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `create table core__mall_template (
       id uuid primary key default gen_random_uuid(),
       agency_id uuid not null references core__agency(id) on delete cascade,
       name text not null check (length(name) between 1 and 100),
       description text not null default '',
       source_tenant_id uuid references core__tenant(id) on delete set null,
       snapshot jsonb not null,
       created_by uuid references core__staff_user(id) on delete set null,
       created_at timestamptz not null default now())`,
    `create index core__mall_template_agency on core__mall_template (agency_id, created_at desc, id desc)`,
    ...platformTableStatements(
      'core__mall_template',
      'an agency owns its templates and creates many malls from each',
    ),
  ])
}
