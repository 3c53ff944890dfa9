import { execAll } from '@mallkit/core/plugin'
import type { Migration } from 'kysely/migration'

/**
 * Top-ups paid online: a package may be sold by one catalog SKU (at most one package per SKU),
 * and a top-up may belong to the order that buys it (one per order and package).
 */
export const topUpSkuTables: Migration = {
  up: (db) =>
    execAll(db, [
      `alter table membership__top_up_package add column sku_id uuid`,
      `create unique index membership__top_up_package_sku on membership__top_up_package (tenant_id, sku_id) where sku_id is not null`,
      `alter table membership__top_up add column order_id uuid`,
      `create index membership__top_up_order on membership__top_up (tenant_id, order_id) where order_id is not null`,
    ]),
}
