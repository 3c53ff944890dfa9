import { hotSearches } from '../../../../core/src/commerce/search/hot-searches.ts'
import { searchProducts } from '../../../../core/src/commerce/search/product-search.ts'
import type { GridProduct } from '../../blocks/product-grid/data.ts'
import { cardFromSearch } from '../../blocks/product-grid/grid-product.ts'
import type { ViewLoader } from '../../server/view-loader.ts'
import { inLocale } from '../../shared/i18n.ts'
import { text } from './messages.ts'
import { SEARCH_PAGE_SIZE, searchRequest, type SearchRequest } from './search-query.ts'

/** How many hot searches the page offers. */
const HOT_LIMIT = 10

/** What the search page shows: the request, hot searches and (for a query) the first results. */
export interface SearchData extends SearchRequest {
  hot: string[]
  /** Null when there is nothing to search for (no words and no chosen order). */
  results: { products: GridProduct[]; nextCursor: string | null } | null
}

/**
 * The first page of results for `?q=` (or of every product, when only `?sort=` is given) and the
 * mall's hot searches. The search is not counted here: the page may be served from a cache, so
 * the browser counts it (see `SearchView`).
 */
export const load: ViewLoader<SearchData> = async (ctx, request) => {
  const asked = searchRequest(request.query)
  const t = inLocale(text, request.locale)
  const hot = (await hotSearches(ctx, HOT_LIMIT)).map((entry) => entry.term)
  const found =
    asked.q || asked.sorted
      ? await searchProducts(
          ctx,
          { q: asked.q || undefined, sort: asked.sort, limit: SEARCH_PAGE_SIZE },
          request.locale,
          request.view,
        )
      : null
  return {
    title: asked.q ? t.resultsTitle(asked.q) : t.title,
    description: t.description,
    data: {
      ...asked,
      hot,
      results: found && {
        products: found.items.map(cardFromSearch),
        nextCursor: found.nextCursor,
      },
    },
  }
}
