import { sql } from 'kysely'
import type { MallContext } from '../../context.ts'

/** What price adjusters need to know of a SKU's place in the catalog. */
export interface CatalogFacts {
  productId: string
  /** The product's category, then its parent, up to the root; `[]` when uncategorised. */
  categoryIds: string[]
}

/**
 * The product and category chain of each SKU, in one query (a recursive walk up the category
 * tree), so scoped discounts ("10% off in Shoes") match products of sub-categories too.
 */
export async function catalogFacts(
  ctx: MallContext,
  skuIds: readonly string[],
): Promise<Map<string, CatalogFacts>> {
  if (skuIds.length === 0) return new Map()
  const { rows } = await sql<{ sku_id: string; product_id: string; category_ids: string[] | null }>`
    with recursive chain (sku_id, product_id, category_id, depth) as (
      select s.id, s.product_id, p.category_id, 0
        from core__sku s join core__product p on p.tenant_id = s.tenant_id and p.id = s.product_id
       where s.tenant_id = ${ctx.tenant.id} and s.id = any(${sql.val([...skuIds])}::uuid[])
      union all
      select chain.sku_id, chain.product_id, c.parent_id, chain.depth + 1
        from chain join core__category c on c.tenant_id = ${ctx.tenant.id} and c.id = chain.category_id
       where chain.category_id is not null and chain.depth < 32
    )
    select sku_id, product_id,
           array_agg(category_id order by depth) filter (where category_id is not null) as category_ids
      from chain group by sku_id, product_id`.execute(ctx.db)
  return new Map(
    rows.map((row) => [
      row.sku_id,
      { productId: row.product_id, categoryIds: row.category_ids ?? [] },
    ]),
  )
}
