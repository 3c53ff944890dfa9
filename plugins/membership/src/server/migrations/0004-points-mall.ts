import { execAll, tenantTableStatements } from '@mallkit/core/plugin'
import type { Migration } from 'kysely/migration'

/**
 * The points mall: items staff list (a coupon of the coupons plugin for a points price, with
 * stock and a per-customer limit) and the exchanges customers make, one row per exchange keyed by
 * the customer's Idempotency-Key. `exchanged` counts what was taken, checked against `stock`
 * (null: unlimited) so an item is never over-issued.
 */
export const pointsMallTables: Migration = {
  up: (db) =>
    execAll(db, [
      `create table membership__mall_item (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         kind text not null default 'coupon' check (kind in ('coupon')),
         name text not null check (length(name) between 1 and 60),
         coupon_template_id uuid not null,
         points integer not null check (points > 0),
         stock integer check (stock >= 0),
         exchanged integer not null default 0 check (exchanged >= 0),
         per_customer_limit integer not null default 1 check (per_customer_limit > 0),
         active boolean not null default true,
         position integer not null default 0,
         -- Deleted items stay for the exchanges that name them; lists leave them out.
         deleted_at timestamptz,
         created_at timestamptz not null default now(),
         updated_at timestamptz not null default now(),
         primary key (tenant_id, id),
         check (stock is null or exchanged <= stock))`,
      `create index membership__mall_item_list on membership__mall_item (tenant_id, position, created_at, id)`,
      ...tenantTableStatements('membership__mall_item'),

      `create table membership__mall_exchange (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         item_id uuid not null,
         customer_id uuid not null,
         points integer not null check (points > 0),
         idempotency_key text not null check (length(idempotency_key) between 1 and 200),
         created_at timestamptz not null default now(),
         primary key (tenant_id, id),
         unique (tenant_id, customer_id, idempotency_key),
         foreign key (tenant_id, item_id) references membership__mall_item (tenant_id, id),
         foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id))`,
      `create index membership__mall_exchange_item on membership__mall_exchange (tenant_id, item_id, customer_id)`,
      ...tenantTableStatements('membership__mall_exchange'),
      // Exchanges are a record of points spent: appended, never changed.
      `revoke update, delete on membership__mall_exchange from mallkit_app`,
    ]),
}
