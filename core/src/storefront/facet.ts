import type { Logger } from 'pino'
import type { ViewOptions } from '../commerce/catalog/product-read.ts'
import type { MallContext } from '../context.ts'
import type { Tenant } from '../db/schema.ts'
import type { PageDocument } from '../page/document.ts'
import type { BlockManifest } from '../plugins/contract.ts'

/** One storefront page to render: the mall, its published page, and how to reach its data. */
export interface StorefrontRenderInput {
  tenant: Pick<Tenant, 'id' | 'slug' | 'name' | 'default_locale' | 'currency'>
  /** The published page, its blocks already reduced to what may render for this mall. */
  page: { id: string; path: string; version: number; document: PageDocument }
  /** URL prefix of the mall on this request: empty on its own host, `/s/<slug>` by path. */
  base: string
  /** The locale the request asked for (`?lang=`), if any; the mall's default otherwise. */
  locale: string | undefined
  /** Runs `work` in one transaction of this mall (block data loaders run here, before render). */
  inMall<T>(work: (ctx: MallContext) => Promise<T>): Promise<T>
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
  /** The HTML document of a page. */
  render(input: StorefrontRenderInput): Promise<string>
  /** A built browser file (`/_mk/…`), or null when there is none at `path`. */
  asset(path: string): Promise<Response | null>
}

/** The URL prefix the storefront's built browser files are served under, on every host. */
export const STOREFRONT_ASSET_PREFIX = '/_mk/'
