import { sql, type RawBuilder } from 'kysely'
import type { MallContext } from '../../context.ts'
import type { LocalizedText } from '../../db/commerce-schema.ts'
import { categoryAndDescendants } from '../catalog/product-list.ts'
import type { ViewOptions } from '../catalog/product-read.ts'
import { localized, type Locale } from './locale.ts'
import { queryVariants } from './query-variants.ts'
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.ts'
import { queryMatch } from './search-match.ts'
import type { SearchItem } from './search-schemas.ts'

/** The sorts a search offers; `relevance` without a query orders as `newest`. */
export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc', 'sales', 'newest'] as const
/** One of SEARCH_SORTS. */
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** A validated search request (the route's zod schema produces it). */
export interface SearchParams {
  q?: string | undefined
  category?: string | undefined
  minPrice?: number | undefined
  maxPrice?: number | undefined
  inStock?: boolean | undefined
  tags?: string[] | undefined
  sort: SearchSort
  cursor?: string | undefined
  limit: number
}

/** Each sort's key (an integer-valued float8, so the cursor carries it exactly) and direction. */
const SORT_KEYS: Record<SearchSort, { key: RawBuilder<unknown>; desc: boolean }> = {
  relevance: { key: sql`score`, desc: true },
  price_asc: { key: sql`price_min`, desc: false },
  price_desc: { key: sql`price_min`, desc: true },
  sales: { key: sql`sales_count`, desc: true },
  // Microseconds since the epoch: exact below 2^53, unlike a millisecond JS Date.
  newest: { key: sql`floor(extract(epoch from created_at) * 1000000)`, desc: true },
}

/**
 * Active products of the mall matching `params`, one page in the requested order, with a cursor
 * to the next page that is stable for every sort (sort key, then id). Prices and stock come from
 * the active SKUs; the price filter applies to the lowest price, as the card shows it.
 */
export async function searchProducts(
  ctx: MallContext,
  params: SearchParams,
  locale: Locale,
  view: Pick<ViewOptions, 'storage' | 'base'>,
): Promise<{ items: SearchItem[]; nextCursor: string | null }> {
  const tenantId = ctx.tenant.id
  const variants = queryVariants(params.q ?? '')
  const match = queryMatch(params.q ?? '')
  const sort: SearchSort = params.sort === 'relevance' && !variants.length ? 'newest' : params.sort
  const fingerprint = JSON.stringify([
    sort,
    variants.map((v) => v.text),
    params.category ?? null,
    params.minPrice ?? null,
    params.maxPrice ?? null,
    params.inStock ?? null,
    params.tags ?? [],
  ])
  const after = decodeSearchCursor(params.cursor, fingerprint)
  const { key, desc } = SORT_KEYS[sort]

  const where: RawBuilder<boolean>[] = [sql`p.tenant_id = ${tenantId}`, sql`p.status = 'active'`]
  if (match) where.push(match.matches)
  if (params.category)
    where.push(sql`p.category_id in ${categoryAndDescendants(tenantId, params.category)}`)
  if (params.tags?.length) where.push(sql`p.tags @> ${sql.val(params.tags)}::text[]`)
  const score = match ? sql`floor(${match.score} * 1000000)` : sql`0`

  const priced: RawBuilder<boolean>[] = [sql`true`]
  if (params.minPrice !== undefined) priced.push(sql`price_min >= ${params.minPrice}`)
  if (params.maxPrice !== undefined) priced.push(sql`price_min <= ${params.maxPrice}`)
  if (params.inStock !== undefined) priced.push(sql`in_stock = ${params.inStock}`)
  if (after)
    priced.push(
      desc
        ? sql`(sort_key, id) < (${after.key}::float8, ${after.id}::uuid)`
        : sql`(sort_key, id) > (${after.key}::float8, ${after.id}::uuid)`,
    )
  const direction = desc ? sql`desc` : sql`asc`

  const { rows } = await sql<Row>`
    with matched as (
      select p.id, p.title, p.created_at, p.sales_count, ${score} as score,
        coalesce(s.price_min, p.price_min) as price_min,
        coalesce(s.price_max, p.price_max) as price_max,
        s.compare_at, coalesce(s.in_stock, false) as in_stock
      from core__product p
      left join lateral (
        select min(k.price) as price_min, max(k.price) as price_max,
          min(k.compare_at_price) as compare_at, bool_or(k.stock > 0) as in_stock
        from core__sku k
        where k.tenant_id = p.tenant_id and k.product_id = p.id and k.status = 'active'
      ) s on true
      where ${sql.join(where, sql` and `)}
    ), keyed as (
      select *, (${key})::float8 as sort_key from matched
    ), page as (
      select * from keyed where ${sql.join(priced, sql` and `)}
      order by sort_key ${direction}, id ${direction} limit ${params.limit + 1}
    )
    select page.*, img.image_key from page
    left join lateral (
      select coalesce(m.variants -> 'medium' ->> 'key', m.variants -> 'thumb' ->> 'key')
        as image_key
      from core__product_image i
      join core__media m on m.tenant_id = i.tenant_id and m.id = i.media_id
      where i.tenant_id = ${tenantId} and i.product_id = page.id
      order by i.position, i.media_id limit 1
    ) img on true
    order by page.sort_key ${direction}, page.id ${direction}`.execute(ctx.db)

  const items = rows.slice(0, params.limit)
  const last = items.at(-1)
  return {
    items: items.map((row) => toItem(row, locale, ctx.tenant.default_locale, view)),
    nextCursor:
      rows.length > params.limit && last
        ? encodeSearchCursor({ key: Number(last.sort_key), id: last.id }, fingerprint)
        : null,
  }
}

interface Row {
  id: string
  title: LocalizedText
  sales_count: number
  price_min: number
  price_max: number
  compare_at: number | null
  in_stock: boolean
  sort_key: number
  image_key: string | null
}

function toItem(
  row: Row,
  locale: Locale,
  fallback: string,
  view: Pick<ViewOptions, 'storage' | 'base'>,
): SearchItem {
  return {
    id: row.id,
    title: localized(row.title, locale, fallback),
    priceMin: Number(row.price_min),
    priceMax: Number(row.price_max),
    compareAtPrice: row.compare_at === null ? null : Number(row.compare_at),
    inStock: row.in_stock,
    imageUrl: row.image_key ? view.base + view.storage.publicPath(row.image_key) : null,
    salesCount: Number(row.sales_count),
  }
}
