import type {
  AfterSales,
  LocalizedText,
  ProductStatus,
  SpecOption,
} from '../../db/commerce-schema.ts'
import type { TenantTx } from '../../db/tenant-scope.ts'
import { toMediaView, type MediaView } from '../storage/media-service.ts'
import type { Storage } from '../storage/storage.ts'
import { RETIRED_POSITION } from './sku-write.ts'

/** A SKU as the APIs show it; money in minor units of the mall's currency. */
export interface SkuView {
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

/** A product with everything a detail page or an edit form needs. */
export interface ProductDetail {
  id: string
  status: ProductStatus
  title: LocalizedText
  subtitle: LocalizedText
  description: LocalizedText
  categoryId: string | null
  tags: string[]
  afterSales: AfterSales
  specOptions: SpecOption[]
  priceMin: number
  priceMax: number
  currency: string
  salesCount: number
  images: MediaView[]
  skus: SkuView[]
  createdAt: string
  updatedAt: string
}

/** Where media URLs point and in which currency money is shown. */
export interface ViewOptions {
  storage: Storage
  base: string
  currency: string
}

/**
 * Loads products of one mall by id with their current SKUs (retired ones left out) and images,
 * in the order of `ids`. Missing ids are skipped. `status` limits to products in that status.
 */
export async function loadProductDetails(
  db: TenantTx,
  tenantId: string,
  ids: readonly string[],
  view: ViewOptions,
  options: { status?: ProductStatus; activeSkusOnly?: boolean } = {},
): Promise<ProductDetail[]> {
  if (!ids.length) return []
  let query = db
    .selectFrom('core__product')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
  if (options.status) query = query.where('status', '=', options.status)
  const products = await query.execute()
  if (!products.length) return []
  const found = products.map((p) => p.id)
  let skuQuery = db
    .selectFrom('core__sku')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('product_id', 'in', found)
    .where('position', '<', RETIRED_POSITION)
  if (options.activeSkusOnly) skuQuery = skuQuery.where('status', '=', 'active')
  const skus = await skuQuery.orderBy('position').orderBy('id').execute()
  const images = await db
    .selectFrom('core__product_image as pi')
    .innerJoin('core__media as m', (join) =>
      join.onRef('m.tenant_id', '=', 'pi.tenant_id').onRef('m.id', '=', 'pi.media_id'),
    )
    .select([
      'pi.product_id',
      'm.id',
      'm.storage_key',
      'm.content_type',
      'm.width',
      'm.height',
      'm.variants',
      'm.alt',
    ])
    .where('pi.tenant_id', '=', tenantId)
    .where('pi.product_id', 'in', found)
    .orderBy('pi.position')
    .execute()
  const byId = new Map(products.map((p) => [p.id, p]))
  return ids.flatMap((id) => {
    const p = byId.get(id)
    if (!p) return []
    return [
      {
        id: p.id,
        status: p.status,
        title: p.title,
        subtitle: p.subtitle,
        description: p.description_html,
        categoryId: p.category_id,
        tags: p.tags,
        afterSales: p.after_sales,
        specOptions: p.spec_options,
        priceMin: p.price_min,
        priceMax: p.price_max,
        currency: view.currency,
        salesCount: p.sales_count,
        images: images
          .filter((m) => m.product_id === id)
          .map((m) => toMediaView(m, view.storage, view.base)),
        skus: skus.filter((s) => s.product_id === id).map(toSkuView),
        createdAt: p.created_at.toISOString(),
        updatedAt: p.updated_at.toISOString(),
      },
    ]
  })
}

/** The API view of a SKU row. */
export function toSkuView(row: {
  id: string
  spec: Record<string, string>
  code: string | null
  price: number
  compare_at_price: number | null
  stock: number
  weight_grams: number
  barcode: string | null
  status: 'active' | 'disabled'
}): SkuView {
  return {
    id: row.id,
    spec: row.spec,
    code: row.code,
    price: row.price,
    compareAtPrice: row.compare_at_price,
    stock: row.stock,
    weightGrams: row.weight_grams,
    barcode: row.barcode,
    status: row.status,
  }
}
