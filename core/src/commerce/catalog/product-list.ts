import { sql } from 'kysely'
import type { ProductStatus } from '../../db/commerce-schema.ts'
import { escapeLike } from '../../db/sql-helpers.ts'
import type { TenantTx } from '../../db/tenant-scope.ts'
import { toMediaView } from '../storage/media-service.ts'
import { decodeListCursor, encodeListCursor, type ProductSort } from './list-cursor.ts'
import type { ViewOptions } from './product-read.ts'
import { RETIRED_POSITION } from './sku-write.ts'

/** What a product list can be narrowed and ordered by. */
export interface ProductFilter {
  status?: ProductStatus | undefined
  /** The category and all its descendants. */
  categoryId?: string | undefined
  tag?: string | undefined
  /** Case-insensitive substring of the title in either locale. */
  q?: string | undefined
  sort: ProductSort
  limit: number
  cursor?: string | undefined
}

/** One list page of summaries; `nextCursor` is null on the last page. */
export interface ProductPage {
  items: ProductSummary[]
  nextCursor: string | null
}

/** A product in lists. */
export interface ProductSummary {
  id: string
  status: ProductStatus
  title: { 'zh-CN'?: string; en?: string }
  subtitle: { 'zh-CN'?: string; en?: string }
  categoryId: string | null
  tags: string[]
  priceMin: number
  priceMax: number
  compareAtPriceMax: number | null
  currency: string
  stock: number
  salesCount: number
  image: ReturnType<typeof toMediaView> | null
  createdAt: string
}

const ORDER = {
  newest: { column: 'p.created_at', dir: 'desc', key: sql`p.created_at` },
  price_asc: { column: 'p.price_min', dir: 'asc', key: sql`p.price_min` },
  price_desc: { column: 'p.price_max', dir: 'desc', key: sql`p.price_max` },
  sales: { column: 'p.sales_count', dir: 'desc', key: sql`p.sales_count` },
} as const

/** The ids of a category and all its descendants, as a subquery. */
export function categoryAndDescendants(tenantId: string, categoryId: string) {
  return sql`(with recursive sub(id) as (
      select id from core__category where tenant_id = ${tenantId} and id = ${categoryId}
      union all
      select c.id from core__category c join sub on c.parent_id = sub.id where c.tenant_id = ${tenantId})
    select id from sub)`
}

/** A page of product summaries of one mall, by keyset pagination in the requested order. */
export async function listProducts(
  db: TenantTx,
  tenantId: string,
  filter: ProductFilter,
  view: ViewOptions,
): Promise<ProductPage> {
  const order = ORDER[filter.sort]
  const after = decodeListCursor(filter.cursor, filter.sort)
  let query = db
    .selectFrom('core__product as p')
    .select([
      'p.id',
      'p.status',
      'p.title',
      'p.subtitle',
      'p.category_id',
      'p.tags',
      'p.price_min',
      'p.price_max',
      'p.sales_count',
      'p.created_at',
      // Microsecond precision: a millisecond cursor would repeat or skip rows created in one ms.
      sql<string>`to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'created_key',
      ),
      sql<number>`coalesce((select sum(s.stock) from core__sku s where s.tenant_id = p.tenant_id and s.product_id = p.id and s.status = 'active' and s.position < ${RETIRED_POSITION}), 0)::int`.as(
        'stock',
      ),
      sql<
        number | null
      >`(select max(s.compare_at_price) from core__sku s where s.tenant_id = p.tenant_id and s.product_id = p.id and s.status = 'active')`.as(
        'compare_max',
      ),
      sql<
        string | null
      >`(select pi.media_id from core__product_image pi where pi.tenant_id = p.tenant_id and pi.product_id = p.id order by pi.position limit 1)`.as(
        'image_id',
      ),
    ])
    .where('p.tenant_id', '=', tenantId)
  if (filter.status) query = query.where('p.status', '=', filter.status)
  if (filter.categoryId)
    query = query.where(
      sql<boolean>`p.category_id in ${categoryAndDescendants(tenantId, filter.categoryId)}`,
    )
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any(p.tags)`)
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`
    query = query.where(
      sql<boolean>`(p.title->>'zh-CN' ilike ${pattern} or p.title->>'en' ilike ${pattern})`,
    )
  }
  if (after) {
    const value =
      filter.sort === 'newest' ? sql`${after.value}::timestamptz` : sql`${after.value}::int`
    const op = sql.raw(order.dir === 'desc' ? '<' : '>')
    query = query.where(sql<boolean>`(${order.key}, p.id) ${op} (${value}, ${after.id}::uuid)`)
  }
  const rows = await query
    .orderBy(order.column, order.dir)
    .orderBy('p.id', order.dir)
    .limit(filter.limit + 1)
    .execute()
  const page = rows.slice(0, filter.limit)
  const imageIds = page.map((r) => r.image_id).filter((id): id is string => Boolean(id))
  const media = imageIds.length
    ? await db
        .selectFrom('core__media')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', imageIds)
        .execute()
    : []
  const mediaById = new Map(media.map((m) => [m.id, toMediaView(m, view.storage, view.base)]))
  const last = page.at(-1)
  const lastValue =
    last &&
    {
      newest: last.created_key,
      price_asc: last.price_min,
      price_desc: last.price_max,
      sales: last.sales_count,
    }[filter.sort]
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      title: r.title,
      subtitle: r.subtitle,
      categoryId: r.category_id,
      tags: r.tags,
      priceMin: r.price_min,
      priceMax: r.price_max,
      compareAtPriceMax: r.compare_max,
      currency: view.currency,
      stock: r.stock,
      salesCount: r.sales_count,
      image: (r.image_id && mediaById.get(r.image_id)) || null,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor:
      rows.length > filter.limit && last && lastValue !== undefined
        ? encodeListCursor({ sort: filter.sort, value: lastValue, id: last.id })
        : null,
  }
}
