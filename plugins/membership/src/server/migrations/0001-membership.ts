import { execAll, tenantTableStatements } from '@mallkit/core/plugin'
import type { Migration } from 'kysely/migration'

/** A ledger of one counter: append-only entries, one idempotency key per (mall, customer). */
const ledger = (table: string, kinds: readonly string[]) => [
  `create table ${table} (
     tenant_id uuid not null references core__tenant(id),
     id uuid not null default gen_random_uuid(),
     customer_id uuid not null,
     kind text not null check (kind in (${kinds.map((k) => `'${k}'`).join(', ')})),
     delta integer not null check (delta <> 0),
     -- The balance after this entry: a running total, checked against the sum in the tests.
     balance integer not null check (balance >= 0),
     idempotency_key text not null check (length(idempotency_key) between 1 and 200),
     order_id uuid,
     -- Calendar year (mall's timezone) of a credit: what expiry counts by.
     year integer not null,
     reason text not null default '',
     actor_kind text not null,
     actor_id uuid,
     created_at timestamptz not null default now(),
     primary key (tenant_id, id),
     unique (tenant_id, customer_id, idempotency_key),
     foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id))`,
  `create index ${table}_history on ${table} (tenant_id, customer_id, created_at desc, id desc)`,
  `create index ${table}_order on ${table} (tenant_id, order_id) where order_id is not null`,
  ...tenantTableStatements(table),
  // Append-only: the app may add entries, never change or remove them.
  `revoke update, delete on ${table} from mallkit_app`,
]

/**
 * Accounts (one row per customer: the cached balances, growth, tier, birthday; locked `for
 * update` by every ledger write), the points, balance and growth ledgers, check-in days, top-up
 * packages and top-up orders. Every key includes `tenant_id`.
 */
export const membershipTables: Migration = {
  up: (db) =>
    execAll(db, [
      `create table membership__account (
         tenant_id uuid not null references core__tenant(id),
         customer_id uuid not null,
         points integer not null default 0 check (points >= 0),
         balance integer not null default 0 check (balance >= 0),
         growth integer not null default 0 check (growth >= 0),
         tier text not null,
         -- When the tier was reached or last confirmed by an evaluation.
         tier_since timestamptz not null,
         birthday date,
         created_at timestamptz not null default now(),
         updated_at timestamptz not null default now(),
         primary key (tenant_id, customer_id),
         foreign key (tenant_id, customer_id) references core__customer (tenant_id, id))`,
      `create index membership__account_tier on membership__account (tenant_id, tier, created_at desc, customer_id desc)`,
      `create index membership__account_created on membership__account (tenant_id, created_at desc, customer_id desc)`,
      ...tenantTableStatements('membership__account'),

      ...ledger('membership__points_entry', [
        'earn',
        'reverse',
        'check-in',
        'registration',
        'birthday',
        'redeem',
        'return',
        'expire',
        'adjust',
        'award',
        'deduct',
      ]),
      ...ledger('membership__balance_entry', ['top-up', 'pay', 'return', 'adjust']),
      ...ledger('membership__growth_entry', ['earn', 'reverse', 'adjust']),

      `create table membership__check_in (
         tenant_id uuid not null references core__tenant(id),
         customer_id uuid not null,
         day date not null,
         made_up boolean not null default false,
         points integer not null default 0,
         created_at timestamptz not null default now(),
         primary key (tenant_id, customer_id, day),
         foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id))`,
      ...tenantTableStatements('membership__check_in'),

      `create table membership__top_up_package (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         name text not null,
         amount integer not null check (amount > 0),
         bonus integer not null default 0 check (bonus >= 0),
         active boolean not null default true,
         position integer not null default 0,
         created_at timestamptz not null default now(),
         primary key (tenant_id, id))`,
      ...tenantTableStatements('membership__top_up_package'),

      `create table membership__top_up (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         customer_id uuid not null,
         package_id uuid,
         amount integer not null check (amount > 0),
         bonus integer not null default 0 check (bonus >= 0),
         status text not null default 'pending' check (status in ('pending', 'paid', 'cancelled')),
         idempotency_key text not null,
         created_at timestamptz not null default now(),
         paid_at timestamptz,
         primary key (tenant_id, id),
         unique (tenant_id, customer_id, idempotency_key),
         foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id),
         foreign key (tenant_id, package_id) references membership__top_up_package (tenant_id, id))`,
      `create index membership__top_up_status on membership__top_up (tenant_id, status, created_at desc)`,
      ...tenantTableStatements('membership__top_up'),
    ]),
}
