import type { Logger } from 'pino'
import type { ViewOptions } from '../commerce/catalog/product-read.ts'
import type { MallContext } from '../context.ts'
import type { Tenant } from '../db/schema.ts'
import type { PageDocument } from '../page/document.ts'
import type { BlockManifest } from '../plugins/contract.ts'
import type { Locale } from '../tenancy/tenants.ts'
import type { ReadThrough } from './read-through.ts'

/** A published page, its blocks already reduced to what may render for this mall. */
export interface RenderablePage {
  id: string
  path: string
  version: number
  document: PageDocument
}

/**
 * One storefront request to answer: the mall, the path inside it, the published page there (if
 * any), and how to reach the mall's data.
 */
export interface StorefrontRenderInput {
  tenant: Pick<Tenant, 'id' | 'slug' | 'name' | 'default_locale' | 'currency'>
  /** The path inside the mall (`/`, `/products/…`), without the `/s/<slug>` prefix or a trailing slash. */
  path: string
  /** The request's query parameters. */
  query: URLSearchParams
  /** The published page at `path`; null at the storefront's own paths or where none is published. */
  page: RenderablePage | null
  /** URL prefix of the mall on this request: empty on its own host, `/s/<slug>` by path. */
  base: string
  /** The request's origin (`https://shop.example.com`), for absolute URLs in SEO tags. */
  origin: string
  /** The locale to render in: `?lang=`, else the `mk_lang` cookie, else the mall's default. */
  locale: Locale
  /** Runs `work` in one transaction of this mall (block data loaders run here, before render). */
  inMall<T>(work: (ctx: MallContext) => Promise<T>): Promise<T>
  /**
   * Reads a content answer of this mall (what a page's blocks or a view show) through the
   * process's cache, kept until the mall changes: see `ReadThrough`. Never for personal data.
   */
  cached: ReadThrough
  /** Where media URLs point and the currency money is shown in. */
  view: ViewOptions
  log: Logger
}

/**
 * What the core needs from a storefront package (tenant-ui). The core never imports it by name:
 * it is discovered from `"mallkit": { "storefront": … }` and typed by this interface alone.
 */
export interface StorefrontFacet {
  /** The core's blocks (`core/<name>`), for the block registry. */
  coreBlocks: Record<string, BlockManifest>
  /** Builds the browser and server bundles when missing or older than their sources. */
  ensureBuilt(log?: Pick<Logger, 'info'>): Promise<void>
  /**
   * Whether `path` is one of the storefront's own pages (product, category, search, cart,
   * checkout, orders, account…). No page is published there.
   */
  ownsPath(path: string): boolean
  /**
   * The HTML document at `input.path`: one of the storefront's own pages, the published page, or
   * its not-found page (status 404). Never personal: a customer's cart, login and prices are
   * filled in by the browser, so the same path, locale and mall may share one cached answer.
   */
  render(input: StorefrontRenderInput): Promise<StorefrontResponse>
  /** A built browser file (`/_mk/…`), or null when there is none at `path`. */
  asset(path: string): Promise<Response | null>
}

/** A rendered storefront document and its HTTP status. */
export interface StorefrontResponse {
  status: 200 | 404
  html: string
}

/** The URL prefix the storefront's built browser files are served under, on every host. */
export const STOREFRONT_ASSET_PREFIX = '/_mk/'
