import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'
import type { AfterSales, LocalizedText } from '../../db/commerce-schema.ts'

/** What cart and checkout need to know about a SKU and its product, read in one query. */
export interface SkuInfo {
  skuId: string
  productId: string
  title: LocalizedText
  spec: Record<string, string>
  price: number
  stock: number
  weightGrams: number
  afterSales: AfterSales
  imageMediaId: string | null
  /** Both the SKU and its product are on sale. */
  active: boolean
}

/** This mall's SKUs among `skuIds`, by id (other malls' ids simply are not found). */
export async function loadSkus(
  ctx: MallContext,
  skuIds: readonly string[],
): Promise<Map<string, SkuInfo>> {
  if (skuIds.length === 0) return new Map()
  const rows = await ctx.db
    .selectFrom('core__sku as s')
    .innerJoin('core__product as p', (j) =>
      j.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.product_id'),
    )
    .select([
      's.id',
      's.product_id',
      'p.title',
      's.spec',
      's.price',
      's.stock',
      's.weight_grams',
      'p.after_sales',
      's.status',
      'p.status as product_status',
      sql<
        string | null
      >`(select i.media_id from core__product_image i where i.tenant_id = s.tenant_id and i.product_id = s.product_id order by i.position limit 1)`.as(
        'image_media_id',
      ),
    ])
    .where('s.tenant_id', '=', ctx.tenant.id)
    .where('s.id', 'in', [...new Set(skuIds)])
    .execute()
  return new Map(
    rows.map((row) => [
      row.id,
      {
        skuId: row.id,
        productId: row.product_id,
        title: row.title,
        spec: row.spec,
        price: row.price,
        stock: row.stock,
        weightGrams: row.weight_grams,
        afterSales: row.after_sales,
        imageMediaId: row.image_media_id,
        active: row.status === 'active' && row.product_status === 'active',
      },
    ]),
  )
}
