import { execAll, tenantTableStatements } from '@mallkit/core/plugin'
import type { Migration } from 'kysely/migration'

/**
 * Templates (what a coupon is), codes (typed at checkout to claim one), customers' coupons (one
 * row per claimed or issued coupon, with its lifecycle) and the append-only ledger of what
 * happened to each. Every key includes `tenant_id`.
 */
export const couponTables: Migration = {
  up: (db) =>
    execAll(db, [
      `create table coupons__template (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         name text not null,
         description text not null default '',
         kind text not null check (kind in ('amount_off_threshold', 'amount_off', 'percent_off', 'free_shipping')),
         benefit jsonb not null,
         scope jsonb not null,
         validity_kind text not null check (validity_kind in ('window', 'relative')),
         valid_from timestamptz,
         valid_until timestamptz,
         valid_days integer check (valid_days between 1 and 3650),
         total_quantity integer check (total_quantity > 0),
         issued integer not null default 0 check (issued >= 0),
         per_customer_limit integer not null default 1 check (per_customer_limit between 1 and 100),
         audience text not null default 'everyone' check (audience in ('everyone', 'new_customers', 'segment')),
         segment text,
         public boolean not null default true,
         status text not null default 'draft' check (status in ('draft', 'live', 'paused', 'ended')),
         combinable_with_promotions boolean not null default false,
         created_at timestamptz not null default now(),
         updated_at timestamptz not null default now(),
         primary key (tenant_id, id),
         check (total_quantity is null or issued <= total_quantity),
         check ((validity_kind = 'window' and valid_from is not null and valid_until > valid_from)
             or (validity_kind = 'relative' and valid_days is not null)),
         check ((audience = 'segment') = (segment is not null)))`,
      `create index coupons__template_status on coupons__template (tenant_id, status, created_at desc, id desc)`,
      ...tenantTableStatements('coupons__template'),

      `create table coupons__code (
         tenant_id uuid not null references core__tenant(id),
         code text not null check (code = upper(code) and length(code) between 4 and 32),
         template_id uuid not null,
         created_at timestamptz not null default now(),
         primary key (tenant_id, code),
         foreign key (tenant_id, template_id) references coupons__template (tenant_id, id))`,
      `create index coupons__code_template on coupons__code (tenant_id, template_id)`,
      ...tenantTableStatements('coupons__code'),

      `create table coupons__coupon (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         template_id uuid not null,
         customer_id uuid not null,
         claim_no integer not null check (claim_no >= 1),
         status text not null default 'available'
           check (status in ('available', 'locked', 'used', 'expired', 'returned')),
         valid_from timestamptz not null,
         valid_until timestamptz not null,
         source text not null check (source in ('claim', 'code', 'staff', 'event')),
         source_ref text,
         order_id uuid,
         discount integer check (discount >= 0),
         order_total integer check (order_total >= 0),
         idempotency_key text not null,
         created_at timestamptz not null default now(),
         updated_at timestamptz not null default now(),
         used_at timestamptz,
         primary key (tenant_id, id),
         unique (tenant_id, idempotency_key),
         -- The n-th coupon of a template per customer: a second writer of the same n fails.
         unique (tenant_id, template_id, customer_id, claim_no),
         foreign key (tenant_id, template_id) references coupons__template (tenant_id, id),
         foreign key (tenant_id, customer_id) references core__customer (tenant_id, id),
         check ((status in ('locked', 'used')) = (order_id is not null)))`,
      `create index coupons__coupon_customer on coupons__coupon (tenant_id, customer_id, status, valid_until)`,
      `create index coupons__coupon_order on coupons__coupon (tenant_id, order_id) where order_id is not null`,
      ...tenantTableStatements('coupons__coupon'),

      `create table coupons__ledger (
         tenant_id uuid not null references core__tenant(id),
         id uuid not null default gen_random_uuid(),
         coupon_id uuid not null,
         template_id uuid not null,
         action text not null check (action in ('issued', 'locked', 'released', 'used', 'returned')),
         order_id uuid,
         amount integer not null default 0,
         actor_kind text not null,
         actor_id uuid,
         created_at timestamptz not null default now(),
         primary key (tenant_id, id),
         foreign key (tenant_id, coupon_id) references coupons__coupon (tenant_id, id))`,
      `create index coupons__ledger_coupon on coupons__ledger (tenant_id, coupon_id, created_at)`,
      ...tenantTableStatements('coupons__ledger'),
      // Append-only: the app may add entries, never change or remove them.
      `revoke update, delete on coupons__ledger from mallkit_app`,
    ]),
}
