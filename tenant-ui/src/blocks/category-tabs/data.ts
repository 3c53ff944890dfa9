import type { GridProduct } from '../product-grid/data.ts'

/** One tab as the component receives it: its label already localized, and its products. */
export interface CategoryTabData {
  categoryId: string
  label: string
  products: GridProduct[]
}

/** What the category tabs' server loader hands the component: tabs of categories that exist. */
export interface CategoryTabsData {
  tabs: CategoryTabData[]
}
