import { randomUUID } from 'node:crypto'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import type { TenantTx } from '../../db/tenant-scope.ts'
import { refreshSearchText } from './search-text.ts'

/** A product to insert directly, for search tests and benchmarks (the catalog API is separate). */
export interface FixtureProduct {
  title: LocalizedText
  status?: 'draft' | 'active' | 'archived'
  categoryId?: string | null
  tags?: string[]
  salesCount?: number
  createdAt?: Date
  /** One SKU per entry; none leaves the product without SKUs. */
  skus?: {
    price: number
    compareAt?: number | null
    stock?: number
    status?: 'active' | 'disabled'
  }[]
  /** Variant keys of one image: `{ medium: 'k/m.webp' }`. */
  image?: Record<string, string>
}

/**
 * Inserts `product` with its SKUs (and an image) in `tx`, the tenant transaction of `tenantId`,
 * keeps price_min/price_max in step with the SKUs and refreshes its search text. Returns its id.
 */
export async function insertFixtureProduct(
  tx: TenantTx,
  tenantId: string,
  product: FixtureProduct,
): Promise<string> {
  const id = randomUUID()
  const prices = (product.skus ?? []).map((s) => s.price)
  await tx
    .insertInto('core__product')
    .values({
      tenant_id: tenantId,
      id,
      status: product.status ?? 'active',
      title: JSON.stringify(product.title),
      subtitle: '{}',
      description_html: '{}',
      spec_options: '[]',
      after_sales: JSON.stringify({ returnable7d: true, exclusion: null }),
      category_id: product.categoryId ?? null,
      tags: product.tags ?? [],
      sales_count: product.salesCount ?? 0,
      price_min: prices.length ? Math.min(...prices) : 0,
      price_max: prices.length ? Math.max(...prices) : 0,
      ...(product.createdAt ? { created_at: product.createdAt } : {}),
    })
    .execute()
  for (const [position, sku] of (product.skus ?? []).entries()) {
    await tx
      .insertInto('core__sku')
      .values({
        tenant_id: tenantId,
        product_id: id,
        spec: '{}',
        weight_grams: 0,
        price: sku.price,
        compare_at_price: sku.compareAt ?? null,
        stock: sku.stock ?? 10,
        status: sku.status ?? 'active',
        position,
      })
      .execute()
  }
  if (product.image) {
    const variants = Object.fromEntries(
      Object.entries(product.image).map(([name, key]) => [name, { key, width: 240, height: 240 }]),
    )
    const media = await tx
      .insertInto('core__media')
      .values({
        tenant_id: tenantId,
        storage_key: `${id}/original`,
        content_type: 'image/webp',
        bytes: 1,
        width: 240,
        height: 240,
        variants: JSON.stringify(variants),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('core__product_image')
      .values({ tenant_id: tenantId, product_id: id, media_id: media.id, position: 0 })
      .execute()
  }
  await refreshSearchText(tx, tenantId, id)
  return id
}

/** Inserts a category (optionally under `parentId`) and returns its id. */
export async function insertFixtureCategory(
  tx: TenantTx,
  tenantId: string,
  name: LocalizedText,
  parentId: string | null = null,
): Promise<string> {
  const row = await tx
    .insertInto('core__category')
    .values({ tenant_id: tenantId, name: JSON.stringify(name), parent_id: parentId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
