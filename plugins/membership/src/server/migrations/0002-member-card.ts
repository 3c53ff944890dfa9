import { execAll, tenantTableStatements } from '@mallkit/core/plugin'
import type { Migration } from 'kysely/migration'

/**
 * The paid member card: one row per period a customer holds it (a trial, or days bought with an
 * order), keyed so each source counts once; the card's validity is derived from the periods that
 * were not revoked (a refunded order revokes its period). Reminders sent, one per card end.
 */
export const memberCardTables: Migration = {
  up: (db) =>
    execAll(db, [
      `create table membership__card_period (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         customer_id uuid not null,
         kind text not null check (kind in ('trial', 'purchase')),
         source_key text not null,
         order_id uuid,
         plan text,
         days integer not null check (days > 0),
         revoked_at timestamptz,
         created_at timestamptz not null default now(),
         primary key (tenant_id, id),
         unique (tenant_id, customer_id, source_key),
         foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id))`,
      `create index membership__card_period_customer on membership__card_period (tenant_id, customer_id, created_at)`,
      `create index membership__card_period_order on membership__card_period (tenant_id, order_id) where order_id is not null`,
      ...tenantTableStatements('membership__card_period'),

      `create table membership__card_reminder (
         tenant_id uuid not null references core__tenant(id),
         customer_id uuid not null,
         ends_at timestamptz not null,
         created_at timestamptz not null default now(),
         primary key (tenant_id, customer_id, ends_at),
         foreign key (tenant_id, customer_id) references membership__account (tenant_id, customer_id))`,
      ...tenantTableStatements('membership__card_reminder'),
    ]),
}
