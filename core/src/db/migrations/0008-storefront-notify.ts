import type { Kysely } from 'kysely'
import { execAll, storefrontNotifyStatements } from '../sql-helpers.ts'

/**
 * Announces committed changes to what malls show on the channel `mallkit_storefront`, payload
 * `<kind>:<tenant id>:<transaction id>`, so every process drops that mall's cached pages, catalog
 * answers and (kind `tenancy`) host → mall answers. NOTIFY is sent at commit and deduplicated per
 * transaction, so a bulk import is one notification; the transaction id lets a process that hears
 * it on several connections act on it once.
 *
 * Kept off the checkout's hot path: a SKU's stock change announces only when it runs out or comes
 * back (the cache TTL bounds how stale an exact count may be), and a product's `sales_count`
 * announces nothing. Builder autosaves of a page's draft announce nothing either.
 */
export const up = async (db: Kysely<any>) => {
  const send = (kind: string, id: string) =>
    `perform pg_catalog.pg_notify('mallkit_storefront',
       ${kind} || ':' || ${id}::text || ':' || pg_catalog.pg_current_xact_id()::text)`
  await execAll(db, [
    `create function mallkit_notify_storefront() returns trigger language plpgsql as $$
     begin
       if TG_OP = 'DELETE' then
         ${send('TG_ARGV[0]', 'OLD.tenant_id')};
       else
         ${send('TG_ARGV[0]', 'NEW.tenant_id')};
       end if;
       return null;
     end $$`,
    `create function mallkit_notify_tenant() returns trigger language plpgsql as $$
     begin
       if TG_OP = 'DELETE' then
         ${send(`'tenancy'`, 'OLD.id')};
       else
         ${send(`'tenancy'`, 'NEW.id')};
       end if;
       return null;
     end $$`,

    `create trigger notify_storefront after insert or update or delete on core__tenant
       for each row execute function mallkit_notify_tenant()`,
    `create trigger notify_storefront after insert or update or delete on core__tenant_domain
       for each row execute function mallkit_notify_storefront('tenancy')`,

    ...storefrontNotifyStatements('core__plugin_install'),
    ...storefrontNotifyStatements('core__page', {
      quietColumns: ['draft', 'draft_updated_at', 'draft_updated_by'],
    }),
    ...storefrontNotifyStatements('core__category'),
    ...storefrontNotifyStatements('core__media'),
    ...storefrontNotifyStatements('core__product', { quietColumns: ['sales_count'] }),
    ...storefrontNotifyStatements('core__product_image'),
    ...storefrontNotifyStatements('core__sku', {
      quietColumns: ['stock'],
      alsoWhen: '(OLD.stock > 0) <> (NEW.stock > 0)',
    }),
    ...storefrontNotifyStatements('core__shipping_template'),
    ...storefrontNotifyStatements('core__pickup_point'),
  ])
}
