import type { SearchSort } from '../../../../core/src/commerce/search/product-search.ts'

/** The sorts the search page offers, as the store API names them. */
const SORTS: readonly SearchSort[] = ['relevance', 'sales', 'newest', 'price_asc', 'price_desc']

/** The longest query the store API accepts. */
export const MAX_QUERY_LENGTH = 100

/** Products per page, on the server and for each "load more". */
export const SEARCH_PAGE_SIZE = 20

/** What a search page shows, read from its URL: the words and the order (if one was chosen). */
export interface SearchRequest {
  q: string
  sort: SearchSort
  /** Whether the URL chose an order: then the page lists products even without words. */
  sorted: boolean
}

/** `?q=&sort=` as the search page reads them (trimmed, at most 100 characters, known sorts). */
export function searchRequest(query: { get(name: string): string | null }): SearchRequest {
  const q = (query.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)
  const asked = query.get('sort')
  const sorted = SORTS.includes(asked as SearchSort)
  return { q, sort: sorted ? (asked as SearchSort) : 'relevance', sorted }
}

/** The search page's path for `q` in `sort` (the default order leaves `sort` out). */
export function searchPath(q: string, sort: SearchSort = 'relevance'): string {
  const query = new URLSearchParams()
  if (q) query.set('q', q)
  if (sort !== 'relevance') query.set('sort', sort)
  const encoded = query.toString()
  return encoded ? `/search?${encoded}` : '/search'
}
