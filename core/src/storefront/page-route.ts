import type { Context } from 'hono'
import { storageFor } from '../commerce/storage/storage.ts'
import { mediaBase } from '../commerce/storage/media-url.ts'
import type { CoreServices } from '../services.ts'
import { stripPathPrefix } from '../tenancy/resolve.ts'
import type { StorefrontFacet } from './facet.ts'
import { mallPlaceholderPage } from './placeholder-page.ts'
import { PAGE_PATH, renderablePageAt } from '../page-store/renderable-page.ts'

/**
 * Answers a GET for a page of the request's (active) mall: the published page at the path,
 * rendered by the storefront, or the placeholder while nothing is published there (or no
 * storefront is installed).
 */
export async function storefrontPage(
  c: Context,
  services: CoreServices,
  storefront: StorefrontFacet | null,
): Promise<Response> {
  const tenant = c.var.tenant
  if (!storefront) return c.html(mallPlaceholderPage(tenant))
  const pathname = new URL(c.req.url).pathname
  const raw = c.var.tenantVia === 'path' ? stripPathPrefix(pathname) : pathname
  // `/about/` and `/about` are the same page.
  const path = raw.length > 1 ? raw.replace(/\/+$/, '') : raw
  const page = PAGE_PATH.test(path)
    ? await c.var.inMall((ctx) => renderablePageAt(ctx, services.blocks, path))
    : null
  if (!page) return c.html(mallPlaceholderPage(tenant))
  const base = mediaBase(c)
  const html = await storefront.render({
    tenant,
    page,
    base,
    locale: c.req.query('lang'),
    inMall: c.var.inMall,
    view: { storage: storageFor(services.config), base, currency: tenant.currency },
    log: c.var.log ?? services.log,
  })
  return c.html(html)
}
