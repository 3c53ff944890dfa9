import type { Kysely } from 'kysely'
import { APP_ROLE, execAll, platformTableStatements } from '../sql-helpers.ts'

/** The app role, the tenant setting function, and the platform tables (agencies, malls, staff). */
export const up = async (db: Kysely<any>) => {
  await execAll(db, [
    `do $$ begin
       if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
         create role ${APP_ROLE} nologin nosuperuser nobypassrls nocreatedb nocreaterole;
       end if;
     end $$`,
    `grant usage on schema public to ${APP_ROLE}`,
    // Every tenant policy compares against this; with no tenant set it is null and matches nothing.
    `create function mallkit_current_tenant() returns uuid language sql stable parallel safe as
       $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`,
    `grant execute on function mallkit_current_tenant() to ${APP_ROLE}`,

    `create table core__plan (
       id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
       name text not null,
       allowed_plugins text[] not null default '{}',
       created_at timestamptz not null default now())`,
    ...platformTableStatements('core__plan', 'plans are set by the platform for many malls'),

    `create table core__agency (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       created_at timestamptz not null default now())`,
    ...platformTableStatements('core__agency', 'an agency operates many malls'),

    `create table core__tenant (
       id uuid primary key default gen_random_uuid(),
       slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
       name text not null,
       status text not null default 'active' check (status in ('active', 'suspended')),
       default_locale text not null default 'zh-CN',
       currency text not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
       timezone text not null default 'Asia/Shanghai',
       plan_id text not null references core__plan(id),
       agency_id uuid references core__agency(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now())`,
    ...platformTableStatements('core__tenant', 'the registry of malls, read to resolve a request'),

    `create table core__tenant_domain (
       host text primary key check (host = lower(host)),
       tenant_id uuid not null references core__tenant(id) on delete cascade,
       created_at timestamptz not null default now())`,
    `create index core__tenant_domain_tenant on core__tenant_domain (tenant_id)`,
    ...platformTableStatements(
      'core__tenant_domain',
      'custom domains, read before the tenant is known',
    ),

    `create table core__staff_user (
       id uuid primary key default gen_random_uuid(),
       email text not null unique check (email = lower(email)),
       name text not null,
       password_hash text not null,
       created_at timestamptz not null default now())`,
    ...platformTableStatements('core__staff_user', 'one staff identity spans agencies and malls'),

    `create table core__staff_session (
       id text primary key,
       user_id uuid not null references core__staff_user(id) on delete cascade,
       expires_at timestamptz not null,
       created_at timestamptz not null default now())`,
    `create index core__staff_session_user on core__staff_session (user_id)`,
    ...platformTableStatements(
      'core__staff_session',
      'sessions of the platform-wide staff identity',
    ),

    `create table core__staff_membership (
       id uuid primary key default gen_random_uuid(),
       user_id uuid not null references core__staff_user(id) on delete cascade,
       agency_id uuid references core__agency(id) on delete cascade,
       tenant_id uuid references core__tenant(id) on delete cascade,
       role text not null check (role in ('owner', 'admin', 'operator', 'service')),
       created_at timestamptz not null default now(),
       check ((agency_id is null) <> (tenant_id is null)),
       unique (user_id, agency_id),
       unique (user_id, tenant_id))`,
    `create index core__staff_membership_tenant on core__staff_membership (tenant_id)`,
    ...platformTableStatements(
      'core__staff_membership',
      'which malls and agencies a staff identity belongs to, read before a mall is chosen',
    ),

    `create table core__auth_throttle (
       key text primary key,
       failures integer not null,
       window_started_at timestamptz not null,
       locked_until timestamptz)`,
    ...platformTableStatements('core__auth_throttle', 'login throttling keyed by account and IP'),
  ])
}
