import type { ViewOptions } from '../../../../core/src/commerce/catalog/product-read.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { Locale } from '../../shared/localized.ts'

/** What a block's loader knows besides the mall's transaction. */
export interface LoaderEnv {
  locale: Locale
  view: ViewOptions
}

/**
 * Fetches what a block shows, on the server, inside the mall's transaction, before render. Its
 * result is embedded in the page, so the browser hydrates with the same data.
 */
export type BlockLoader<P = never> = (
  ctx: MallContext,
  props: P,
  env: LoaderEnv,
) => Promise<unknown>
