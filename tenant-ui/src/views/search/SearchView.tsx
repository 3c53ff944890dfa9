import { For, onMount, Show } from 'solid-js'
import IconFlame from '~icons/lucide/flame'
import type { SearchItem } from '../../../../core/src/commerce/search/search-schemas.ts'
import type { SearchSort } from '../../../../core/src/commerce/search/product-search.ts'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { CartLink } from '../../app/ui/catalog-cart-link.tsx'
import { createPager, LoadMore } from '../../app/ui/catalog-pager.tsx'
import { SortBar } from '../../app/ui/catalog-sortbar.tsx'
import { EmptyState, PageBar } from '../../app/ui/ui.tsx'
import '../../app/ui/catalog-ui.css'
import '../../blocks/product-grid/product-grid.css'
import { ProductCards } from '../../blocks/product-grid/ProductCards.tsx'
import { cardFromSearch } from '../../blocks/product-grid/grid-product.ts'
import { storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import type { SearchData } from './load.ts'
import { text } from './messages.ts'
import { SearchBox } from './SearchBox.tsx'
import { SEARCH_PAGE_SIZE, searchPath } from './search-query.ts'
import './search.css'

/** One page of `GET /api/store/search`. */
interface SearchResult {
  items: SearchItem[]
  nextCursor: string | null
}

/** The mall's most searched terms as links that search for them. */
function HotSearches(p: { terms: readonly string[] }) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  return (
    <Show when={p.terms.length > 0}>
      <section class="mk-hot" aria-labelledby="mk-hot-title">
        <h2 class="mk-hot__title" id="mk-hot-title">
          <IconFlame aria-hidden="true" />
          {t.hot}
        </h2>
        <ul class="mk-chips mk-chips--wrap">
          <For each={p.terms}>
            {(term) => (
              <li>
                <a class="mk-chip" href={mallHref(store.base, searchPath(term))}>
                  {term}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  )
}

/**
 * Product search: the box with suggestions, hot searches while there is no query, and the
 * server-rendered first page of results with "load more"; no results shows hot searches.
 */
export default function SearchView(p: ViewProps<SearchData>) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const results = () => p.data.results
  const pager = createPager(
    { items: results()?.products ?? [], nextCursor: results()?.nextCursor ?? null },
    (cursor) => {
      const query = new URLSearchParams({
        sort: p.data.sort,
        limit: String(SEARCH_PAGE_SIZE),
        locale: store.locale,
        cursor,
      })
      if (p.data.q) query.set('q', p.data.q)
      return storeApi<SearchResult>(store.base, `/search?${query}`).then((page) => ({
        items: page.items.map(cardFromSearch),
        nextCursor: page.nextCursor,
      }))
    },
  )
  // The server does not count searches (its page may come from a cache): the store API counts
  // one for each first page it answers, so the browser asks it once for this search.
  onMount(() => {
    if (!p.data.q) return
    const query = new URLSearchParams({ q: p.data.q, limit: '1', locale: store.locale })
    storeApi(store.base, `/search?${query}`).catch(() => {
      // Hot searches are a statistic: a lost count is not the shopper's problem.
    })
  })
  const sortHref = (sort: SearchSort) => mallHref(store.base, searchPath(p.data.q, sort))
  const sorts: { sort: SearchSort; label: string }[] = [
    { sort: 'relevance', label: t.relevance },
    { sort: 'sales', label: t.sales },
    { sort: 'newest', label: t.newest },
  ]
  return (
    <main class="mk-view mk-catalog">
      <PageBar title={p.data.q ? t.resultsTitle(p.data.q) : t.title}>
        <CartLink />
      </PageBar>
      <SearchBox q={p.data.q} />
      <Show
        when={results()}
        fallback={
          <>
            <HotSearches terms={p.data.hot} />
            <p class="mk-search__hint">{t.start}</p>
          </>
        }
      >
        <SortBar current={p.data.sort} sorts={sorts} href={sortHref} />
        <Show
          when={pager.items().length > 0}
          fallback={
            <>
              <EmptyState
                title={p.data.q ? t.noResultsTitle(p.data.q) : t.noProducts}
                text={p.data.q ? t.noResultsText : undefined}
              />
              <HotSearches terms={p.data.hot} />
            </>
          }
        >
          <section class="mk-grid" aria-label={t.results}>
            <ProductCards products={pager.items()} columns={2} showCompareAt />
            <LoadMore pager={pager} />
          </section>
        </Show>
      </Show>
    </main>
  )
}
