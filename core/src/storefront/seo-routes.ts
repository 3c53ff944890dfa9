import { Hono, type Context } from 'hono'
import type { MallContext } from '../context.ts'
import { mediaBase } from '../commerce/storage/media-url.ts'
import type { MallEnv } from '../http/env.ts'
import { requireTenant } from '../http/tenant-guard.ts'
import type { CoreServices } from '../services.ts'
import { SHARED_CACHE_CONTROL, sharedAnswer } from './shared-answer.ts'

/** A sitemap file holds at most 50,000 URLs (sitemaps.org). */
const MAX_URLS = 50_000

/**
 * `/robots.txt` and `/sitemap.xml` of the request's mall, on its own host or under `/s/{slug}`.
 * URLs are absolute on the host the request came to. The storefront's own paths
 * (`/products/{id}`, `/categories/{id}`) are tenant-ui's route table, spelled again here.
 */
export function storefrontSeoRoutes(services: CoreServices) {
  return new Hono<MallEnv>()
    .get('/robots.txt', requireTenant, (c) =>
      c.text(`User-agent: *\nAllow: /\n\nSitemap: ${mallOrigin(c)}/sitemap.xml\n`, 200, {
        'cache-control': SHARED_CACHE_CONTROL,
      }),
    )
    .get('/sitemap.xml', requireTenant, (c) => {
      const origin = mallOrigin(c)
      return sharedAnswer(c, services, `sitemap ${origin}`, async () => ({
        status: 200,
        contentType: 'application/xml; charset=UTF-8',
        body: sitemapXml(origin, await c.var.inMall(sitemapEntries)),
      }))
    })
}

interface SitemapEntry {
  path: string
  lastModified?: Date
}

/** Home, published custom pages, categories, then active products, newest change first. */
async function sitemapEntries(ctx: MallContext): Promise<SitemapEntry[]> {
  const tenantId = ctx.tenant.id
  const pages = await ctx.db
    .selectFrom('core__page')
    .select('path')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'custom')
    .where('published_version', 'is not', null)
    .orderBy('path')
    .execute()
  const categories = await ctx.db
    .selectFrom('core__category')
    .select(['id', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const room = Math.max(0, MAX_URLS - 1 - pages.length - categories.length)
  const products = await ctx.db
    .selectFrom('core__product')
    .select(['id', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(room)
    .execute()
  return [
    { path: '/' },
    ...pages.map((page) => ({ path: page.path })),
    ...categories.map((row) => ({ path: `/categories/${row.id}`, lastModified: row.updated_at })),
    ...products.map((row) => ({ path: `/products/${row.id}`, lastModified: row.updated_at })),
  ].slice(0, MAX_URLS)
}

function sitemapXml(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const location = `<loc>${escapeXml(`${origin}${entry.path === '/' ? '/' : entry.path}`)}</loc>`
    const modified = entry.lastModified
      ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>`
      : ''
    return `<url>${location}${modified}</url>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

/**
 * The mall's absolute URL prefix on this request: scheme and host as the client used them (a TLS
 * proxy says `x-forwarded-proto: https`), plus `/s/{slug}` when the mall is reached by path.
 */
function mallOrigin(c: Context<MallEnv>): string {
  const url = new URL(c.req.url)
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
  const scheme =
    forwarded === 'https' || forwarded === 'http' ? forwarded : url.protocol.slice(0, -1)
  return `${scheme}://${url.host}${mediaBase(c)}`
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  )
}
