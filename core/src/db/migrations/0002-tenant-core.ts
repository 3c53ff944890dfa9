import type { Kysely } from 'kysely'
import {
  APP_ROLE,
  execAll,
  platformTableStatements,
  tenantTableStatements,
} from '../sql-helpers.ts'

/** Tenant-owned core tables (customers, grants, plugin installs, audit) and the job queue. */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `create table core__customer (
       tenant_id uuid not null references core__tenant(id),
       id uuid not null default gen_random_uuid(),
       email text check (email = lower(email)),
       phone text,
       name text not null,
       password_hash text not null,
       created_at timestamptz not null default now(),
       primary key (tenant_id, id),
       unique (tenant_id, email),
       unique (tenant_id, phone),
       check (email is not null or phone is not null))`,
    ...tenantTableStatements('core__customer'),

    `create table core__customer_session (
       tenant_id uuid not null references core__tenant(id),
       id text not null,
       customer_id uuid not null,
       expires_at timestamptz not null,
       created_at timestamptz not null default now(),
       primary key (tenant_id, id),
       foreign key (tenant_id, customer_id) references core__customer (tenant_id, id) on delete cascade)`,
    `create index core__customer_session_customer on core__customer_session (tenant_id, customer_id)`,
    ...tenantTableStatements('core__customer_session'),

    `create table core__agency_grant (
       tenant_id uuid not null references core__tenant(id),
       agency_id uuid not null,
       granted_at timestamptz not null default now(),
       revoked_at timestamptz,
       revoked_by uuid,
       primary key (tenant_id, agency_id))`,
    ...tenantTableStatements('core__agency_grant'),

    `create table core__plugin_install (
       tenant_id uuid not null references core__tenant(id),
       plugin_id text not null,
       enabled boolean not null,
       settings jsonb not null default '{}',
       updated_at timestamptz not null default now(),
       primary key (tenant_id, plugin_id))`,
    ...tenantTableStatements('core__plugin_install'),

    `create table core__audit_log (
       tenant_id uuid not null references core__tenant(id),
       id uuid not null default gen_random_uuid(),
       actor_kind text not null check (actor_kind in ('staff', 'customer', 'system')),
       actor_id uuid,
       action text not null,
       target text,
       data jsonb not null default '{}',
       ip text,
       request_id text,
       created_at timestamptz not null default now(),
       primary key (tenant_id, id))`,
    `create index core__audit_log_recent on core__audit_log (tenant_id, created_at desc, id desc)`,
    ...tenantTableStatements('core__audit_log'),
    // The audit log is append-only for the app.
    `revoke update, delete on core__audit_log from ${APP_ROLE}`,

    `create table core__event_delivery (
       tenant_id uuid not null references core__tenant(id),
       event_id uuid not null,
       hook text not null,
       delivered_at timestamptz not null default now(),
       primary key (tenant_id, event_id, hook))`,
    ...tenantTableStatements('core__event_delivery'),

    // The transactional outbox and job queue. Rows are written inside tenant transactions, so a
    // tenant sees only its own; the worker claims across malls in the 'system' scope.
    `create table core__job (
       id uuid primary key default gen_random_uuid(),
       kind text not null,
       tenant_id uuid references core__tenant(id),
       payload jsonb not null default '{}',
       status text not null default 'pending' check (status in ('pending', 'running', 'done', 'dead')),
       run_at timestamptz not null default now(),
       attempts integer not null default 0,
       max_attempts integer not null default 10,
       locked_until timestamptz,
       last_error text,
       dedup_key text unique,
       created_at timestamptz not null default now(),
       finished_at timestamptz)`,
    `create index core__job_due on core__job (run_at) where status in ('pending', 'running')`,
    ...platformTableStatements('core__job', 'the queue the worker claims across malls'),
    `alter table core__job enable row level security`,
    `alter table core__job force row level security`,
    `create policy job_scope on core__job
       using (current_setting('app.scope', true) = 'system' or tenant_id = mallkit_current_tenant())
       with check (current_setting('app.scope', true) = 'system' or tenant_id = mallkit_current_tenant())`,
  ])
}
