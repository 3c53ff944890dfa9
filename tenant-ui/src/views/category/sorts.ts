import type { ProductSort } from '../../../../core/src/commerce/catalog/list-cursor.ts'

/** Products per page, on the server and for each "load more" (fills rows of 2, 3 and 4). */
export const CATEGORY_PAGE_SIZE = 24

/**
 * The orders a category page offers: the API's sorts by name, and `default`, the page without a
 * `sort` param. The catalog has no merchandised order yet, so the default lists newest first, as
 * the store API does when no sort is given.
 */
export const CATEGORY_SORTS = ['default', 'sales', 'newest', 'price_asc', 'price_desc'] as const
export type CategorySort = (typeof CATEGORY_SORTS)[number]

/** The sort a `?sort=` value asks for; anything unknown is the default order. */
export function categorySort(value: string | null | undefined): CategorySort {
  return (CATEGORY_SORTS as readonly string[]).includes(value ?? '')
    ? (value as CategorySort)
    : 'default'
}

/** The store API's `sort` for a category sort. */
export const apiSort = (sort: CategorySort): ProductSort => (sort === 'default' ? 'newest' : sort)
