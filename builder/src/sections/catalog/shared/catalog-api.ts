import { api, mallApi } from '../../../app/api.ts'
import type { ListPage } from '../../../kit/ListView.tsx'
import type { Media } from '../../../kit/pickers/media-api.ts'

/** Text in the console's two languages, as the catalog API stores it. */
export interface LocalizedText {
  'zh-CN'?: string
  en?: string
}

export type ProductStatus = 'draft' | 'active' | 'archived'

/** A product in the admin list. */
export interface ProductSummary {
  id: string
  status: ProductStatus
  title: LocalizedText
  categoryId: string | null
  tags: string[]
  priceMin: number
  priceMax: number
  currency: string
  stock: number
  salesCount: number
  image: Media | null
}

/** A SKU of a product (money in minor units). */
export interface Sku {
  id: string
  spec: Record<string, string>
  code: string | null
  price: number
  compareAtPrice: number | null
  stock: number
  weightGrams: number
  barcode: string | null
  status: 'active' | 'disabled'
}

/** A product with everything its editor shows. */
export interface ProductDetail extends ProductSummary {
  subtitle: LocalizedText
  description: LocalizedText
  afterSales: { returnable7d: boolean; exclusion: string | null }
  specOptions: { name: LocalizedText; values: LocalizedText[] }[]
  images: Media[]
  skus: Sku[]
}

/** The body of creating or replacing a product. */
export interface ProductBody {
  title: LocalizedText
  subtitle: LocalizedText
  description: LocalizedText
  categoryId: string | null
  tags: string[]
  status: ProductStatus
  afterSales: { returnable7d: boolean; exclusion: string | null }
  specOptions: { name: LocalizedText; values: LocalizedText[] }[]
  skus: {
    id?: string
    spec: Record<string, string>
    code: string | null
    price: number
    compareAtPrice: number | null
    stock?: number
    weightGrams: number
    barcode: string | null
    status: 'active' | 'disabled'
  }[]
  imageIds: string[]
}

/** A node of the category tree. */
export interface Category {
  id: string
  parentId: string | null
  name: LocalizedText
  position: number
  productCount: number
  children: Category[]
}

/** A SKU as the inventory list shows it. */
export interface InventoryItem {
  skuId: string
  productId: string
  productTitle: LocalizedText
  productStatus: ProductStatus
  spec: Record<string, string>
  /** The product's spec names in order, to show `spec` in it. */
  specNames: string[]
  code: string | null
  price: number
  stock: number
  status: 'active' | 'disabled'
}

const at = (slug: string, path: string) => mallApi(slug, path)

/** The catalog's admin API, as the console's screens call it. */
export const catalogApi = {
  products: (slug: string, query: URLSearchParams) =>
    api<ListPage<ProductSummary>>(at(slug, `/products?${query}`)),
  product: (slug: string, id: string) => api<ProductDetail>(at(slug, `/products/${id}`)),
  createProduct: (slug: string, body: ProductBody) =>
    api<ProductDetail>(at(slug, '/products'), { method: 'POST', body }),
  replaceProduct: (slug: string, id: string, body: ProductBody) =>
    api<ProductDetail>(at(slug, `/products/${id}`), { method: 'PUT', body }),
  archiveProduct: (slug: string, id: string) =>
    api<ProductDetail>(at(slug, `/products/${id}/archive`), { method: 'POST' }),
  categories: (slug: string) => api<{ items: Category[] }>(at(slug, '/categories')),
  createCategory: (slug: string, body: { name: LocalizedText; parentId: string | null }) =>
    api<{ id: string }>(at(slug, '/categories'), { method: 'POST', body }),
  updateCategory: (
    slug: string,
    id: string,
    body: { name: LocalizedText; parentId: string | null },
  ) => api<void>(at(slug, `/categories/${id}`), { method: 'PUT', body }),
  reorderCategories: (slug: string, parentId: string | null, ids: string[]) =>
    api<void>(at(slug, '/categories/reorder'), { method: 'POST', body: { parentId, ids } }),
  deleteCategory: (slug: string, id: string) =>
    api<void>(at(slug, `/categories/${id}`), { method: 'DELETE' }),
  inventory: (slug: string, query: URLSearchParams) =>
    api<ListPage<InventoryItem>>(at(slug, `/inventory?${query}`)),
  adjustStock: (
    slug: string,
    skuId: string,
    body: { delta?: number; set?: number; reason?: string },
  ) => api<Sku>(at(slug, `/skus/${skuId}/stock`), { method: 'PATCH', body }),
  exportUrl: (slug: string) => at(slug, '/products/export'),
}

/** The tree flattened depth-first, each category with its depth and the path of names to it. */
export function flattenCategories(
  tree: readonly Category[],
  depth = 0,
): { category: Category; depth: number }[] {
  return tree.flatMap((category) => [
    { category, depth },
    ...flattenCategories(category.children, depth + 1),
  ])
}
