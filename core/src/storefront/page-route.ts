import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { storageFor } from '../commerce/storage/storage.ts'
import { mediaBase } from '../commerce/storage/media-url.ts'
import type { CoreServices } from '../services.ts'
import { stripPathPrefix } from '../tenancy/resolve.ts'
import { Locale } from '../tenancy/tenants.ts'
import type { RenderablePage, StorefrontFacet } from './facet.ts'
import { mallPlaceholderPage } from './placeholder-page.ts'
import { sharedAnswer, type SharedBody } from './shared-answer.ts'
import { readThroughFor, type ReadThrough } from './read-through.ts'
import { PAGE_PATH, renderablePageAt } from '../page-store/renderable-page.ts'
import { previewDraft } from '../page-store/page-tools.ts'
import { MallError } from '../http/errors.ts'

/** The query parameter of a page preview link (`?mk_preview=<token>`, made in the console). */
export const PREVIEW_PARAM = 'mk_preview'

/** The cookie the storefront's language switcher sets. */
export const LOCALE_COOKIE = 'mk_lang'

/** The locale of a storefront request: `?lang=`, else the switcher's cookie, else the mall's. */
export function requestLocale(c: Context, fallback: string): Locale {
  // A set lookup, not a schema parse: most requests carry neither, and a failed parse builds an
  // error object on the hot path of every cached page.
  for (const candidate of [c.req.query('lang'), getCookie(c, LOCALE_COOKIE), fallback])
    if (candidate !== undefined && LOCALES.has(candidate)) return candidate as Locale
  return 'zh-CN'
}

const LOCALES: ReadonlySet<string> = new Set(Locale.options)

/**
 * The path inside the mall of a storefront request at `url`: no `/s/<slug>` prefix, no trailing
 * slash.
 */
export function mallPath(c: Context, url: URL): string {
  const pathname = url.pathname
  const raw = c.get('tenantVia') === 'path' ? stripPathPrefix(pathname) : pathname
  // `/about/` and `/about` are the same page.
  return raw.length > 1 ? raw.replace(/\/+$/, '') || '/' : raw
}

/**
 * Answers a GET for a page of the request's (active) mall: one of the storefront's own pages
 * (product, cart…), the published page at the path, or the storefront's not-found page; the
 * placeholder while no home page is published (or no storefront is installed). Documents are
 * shared answers (`shared-answer.ts`), cached by URL and locale.
 */
export async function storefrontPage(
  c: Context,
  services: CoreServices,
  storefront: StorefrontFacet | null,
): Promise<Response> {
  // `c.get`, not `c.var`: Hono builds a new object of every variable on each `c.var` read.
  const tenant = c.get('tenant')
  if (!storefront) return c.html(mallPlaceholderPage(tenant))
  const locale = requestLocale(c, tenant.default_locale)
  if (c.req.query(PREVIEW_PARAM) !== undefined) return previewPage(c, services, storefront, locale)
  // The URL as requested is the key: it holds the origin (a mall reached by two hosts shows each
  // its own absolute URLs), the `/s/<slug>` prefix, the path and the query. Parsing it waits for a
  // miss; spellings of one page (`/about/`, `?b&a`) are cached apart, each correct.
  return sharedAnswer(c, services, `page ${c.req.url} ${locale}`, () =>
    renderPage(c, services, storefront, locale),
  )
}

/** Renders the document a storefront request asks for (a cache miss). */
async function renderPage(
  c: Context,
  services: CoreServices,
  storefront: StorefrontFacet,
  locale: Locale,
): Promise<SharedBody> {
  const tenant = c.get('tenant')
  const url = new URL(c.req.url)
  const path = mallPath(c, url)
  const inMall = c.get('inMall')
  const cached = readThroughFor(services, tenant.id)
  const page =
    !storefront.ownsPath(path) && PAGE_PATH.test(path)
      ? await cached(`renderable-page ${path}`, () =>
          inMall((ctx) => renderablePageAt(ctx, services.blocks, path)),
        )
      : null
  if (!page && path === '/') return htmlBody(200, mallPlaceholderPage(tenant))
  const { status, html } = await storefront.render(
    renderInput(c, services, url, locale, page, cached),
  )
  return htmlBody(status, html)
}

/** What the storefront renders a request from, its content read through `reads`. */
function renderInput(
  c: Context,
  services: CoreServices,
  url: URL,
  locale: Locale,
  page: RenderablePage | null,
  reads: ReadThrough,
) {
  const tenant = c.get('tenant')
  const base = mediaBase(c)
  return {
    tenant,
    path: mallPath(c, url),
    query: url.searchParams,
    page,
    base,
    origin: url.origin,
    locale,
    inMall: c.get('inMall'),
    cached: reads,
    view: { storage: storageFor(services.config), base, currency: tenant.currency },
    log: c.get('log') ?? services.log,
  }
}

/**
 * A staff preview link (`?mk_preview=<token>`) shows the draft to whoever holds it: never cached,
 * never indexed, and read afresh (a draft has no version the content cache could key it by).
 */
async function previewPage(
  c: Context,
  services: CoreServices,
  storefront: StorefrontFacet,
  locale: Locale,
): Promise<Response> {
  const url = new URL(c.req.url)
  const path = mallPath(c, url)
  const token = url.searchParams.get(PREVIEW_PARAM) ?? ''
  const draft = await c.get('inMall')((ctx) => previewDraft(ctx, services.blocks, token))
  if (!draft || draft.path !== path)
    throw new MallError('not_found', 'This preview link is unknown or has expired')
  const { status, html } = await storefront.render(
    renderInput(
      c,
      services,
      url,
      locale,
      { id: draft.id, path: draft.path, version: 0, document: draft.document },
      (_key, load) => load(),
    ),
  )
  return c.html(html, status, { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' })
}

const htmlBody = (status: 200 | 404, body: string): SharedBody => ({
  status,
  body,
  contentType: 'text/html; charset=UTF-8',
})
