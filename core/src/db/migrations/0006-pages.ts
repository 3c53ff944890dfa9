import type { Kysely } from 'kysely'
import { execAll, tenantTableStatements } from '../sql-helpers.ts'

/** Storefront pages: the editable draft on the page row, every published version kept. */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `create table core__page (
       tenant_id uuid not null references core__tenant(id),
       id uuid not null default gen_random_uuid(),
       path text not null check (path ~ '^/([a-z0-9][a-z0-9/-]{0,120})?$'),
       kind text not null check (kind in ('home', 'custom', 'plugin')),
       plugin_id text,
       title jsonb not null default '{}',
       draft jsonb not null,
       draft_updated_at timestamptz not null default now(),
       draft_updated_by uuid,
       published_version integer,
       created_at timestamptz not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, path))`,
    ...tenantTableStatements('core__page'),
    `create table core__page_version (
       tenant_id uuid not null references core__tenant(id),
       page_id uuid not null,
       version integer not null check (version > 0),
       document jsonb not null,
       note text not null default '',
       published_by uuid,
       published_at timestamptz not null default now(),
       primary key (tenant_id, page_id, version),
       foreign key (tenant_id, page_id) references core__page (tenant_id, id) on delete cascade)`,
    ...tenantTableStatements('core__page_version'),
  ])
}
