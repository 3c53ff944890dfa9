import type { Kysely } from 'kysely'
import { execAll, tenantTableStatements } from '../sql-helpers.ts'

/**
 * The page manager's tools: page templates a mall saves from its pages, short-lived preview
 * tokens that show a draft to whoever holds the link (only the token's hash is stored), and a
 * scheduled publish time on the page (a job publishes the draft when it comes).
 */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `create table core__page_template (
       tenant_id uuid not null references core__tenant(id),
       id uuid not null default gen_random_uuid(),
       name text not null check (length(name) between 1 and 100),
       title jsonb not null default '{}',
       document jsonb not null,
       created_by uuid,
       created_at timestamptz not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, name))`,
    ...tenantTableStatements('core__page_template'),
    `create table core__page_preview (
       tenant_id uuid not null references core__tenant(id),
       token_hash text not null,
       page_id uuid not null,
       created_by uuid,
       expires_at timestamptz not null,
       primary key (tenant_id, token_hash),
       foreign key (tenant_id, page_id) references core__page (tenant_id, id) on delete cascade)`,
    `create index core__page_preview_expiry on core__page_preview (tenant_id, expires_at)`,
    ...tenantTableStatements('core__page_preview'),
    `alter table core__page add column publish_at timestamptz`,
    `alter table core__page add column publish_scheduled_by uuid`,
  ])
}
