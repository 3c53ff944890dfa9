import type { ViewOptions } from '../../../core/src/commerce/catalog/product-read.ts'
import type { MallContext } from '../../../core/src/context.ts'
import type { PluginHost } from '../../../core/src/plugins/host.ts'
import type { Locale } from '../shared/localized.ts'

/** What a view's loader knows about the request besides the mall's transaction. */
export interface ViewRequest {
  params: Record<string, string>
  query: URLSearchParams
  locale: Locale
  view: ViewOptions
  /** URL prefix of the mall on this request (for absolute links in SEO tags). */
  base: string
}

/** A view's data and the document's head: title (without the mall's name), description, image. */
export interface LoadedView<D> {
  title: string
  description?: string
  /** A mall path or absolute URL of the page's Open Graph image. */
  ogImage?: string
  data: D
}

/**
 * Fetches what a view shows, on the server, in one transaction of the mall, before render. Null
 * when there is nothing at this path (an unknown or unpublished product): the not-found page.
 * Never reads the customer (the result is cached and shared); personal views return their shell.
 */
export type ViewLoader<D> = (
  ctx: MallContext,
  request: ViewRequest,
) => Promise<LoadedView<D> | null>

export type { PluginHost }
