import { createResource, type Accessor } from 'solid-js'
import type { ProductSummary } from '../../../core/src/commerce/catalog/product-list.ts'
import type { GridProduct } from '../../../tenant-ui/src/blocks/product-grid/data.ts'
import type { ProductSource } from '../../../tenant-ui/src/blocks/product-grid/manifest.ts'
import {
  cardFromSummary,
  cardImage,
  compareAtPrice,
} from '../../../tenant-ui/src/blocks/product-grid/grid-product.ts'
import { api, mallApi } from '../app/api.ts'
import type { Locale } from '../app/i18n.ts'

/** Blocks whose server loader fetches products: the canvas fetches them the same way. */
const PRODUCT_BLOCKS = new Set(['core/product-grid', 'core/product-list'])

/** At most this many cards on the canvas: enough to judge the layout, cheap to fetch. */
const CANVAS_LIMIT = 6

/** Placeholder cards (as many as the block's `limit`, at most six) while products load. */
function placeholders(props: Record<string, unknown>, locale: Locale): GridProduct[] {
  const limit = typeof props.limit === 'number' ? Math.min(props.limit, CANVAS_LIMIT) : 4
  return Array.from({ length: limit }, (_, i) => ({
    id: `placeholder-${i + 1}`,
    title: locale === 'en' ? `Product ${i + 1}` : `商品 ${i + 1}`,
    price: 9900,
    compareAt: null,
    soldOut: false,
    image: null,
  }))
}

interface ProductDetail extends Omit<ProductSummary, 'image' | 'stock' | 'compareAtPriceMax'> {
  images: NonNullable<ProductSummary['image']>[]
  skus: { stock: number; compareAtPrice: number | null; status: string }[]
}

/** A card from the admin API's product (a manual pick may name a draft the store API hides). */
function cardFromDetail(product: ProductDetail, locale: Locale): GridProduct {
  const title = product.title[locale] || product.title['zh-CN'] || product.title.en || ''
  const compare = Math.max(0, ...product.skus.map((sku) => sku.compareAtPrice ?? 0))
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compareAtPrice(product.priceMin, compare || null),
    soldOut: product.skus.every((sku) => sku.stock <= 0),
    image: cardImage(product.images[0], title),
  }
}

/** The products a source shows, fetched as the storefront's loader picks them. */
async function sourceProducts(
  slug: string,
  source: ProductSource,
  limit: number,
  locale: Locale,
): Promise<GridProduct[]> {
  if (source.kind === 'manual') {
    const found = await Promise.all(
      source.productIds.slice(0, limit).map((id) =>
        api<ProductDetail>(mallApi(slug, `/products/${id}`)).then(
          (product) => cardFromDetail(product, locale),
          () => null,
        ),
      ),
    )
    return found.filter((card): card is GridProduct => card !== null)
  }
  const query = new URLSearchParams({
    limit: String(limit),
    sort: source.kind === 'best-selling' ? 'sales' : 'newest',
  })
  if (source.kind === 'category') query.set('categoryId', source.categoryId)
  if (source.kind === 'tag') query.set('tag', source.tag)
  const page = await api<{ items: ProductSummary[] }>(
    `/s/${encodeURIComponent(slug)}/api/store/products?${query}`,
  )
  return page.items.map((product) => cardFromSummary(product, locale))
}

/**
 * What the canvas hands a block as its loader data: for blocks that list products, the real
 * products of the block's source (placeholder cards while they load, or when the fetch fails);
 * for other blocks nothing.
 */
export function useCanvasData(
  slug: () => string,
  type: () => string,
  props: () => Record<string, unknown>,
  locale: () => Locale,
): Accessor<{ products: GridProduct[] } | undefined> {
  const request = () => {
    if (!PRODUCT_BLOCKS.has(type())) return undefined
    const { source, limit } = props() as { source?: ProductSource; limit?: number }
    return {
      slug: slug(),
      source: source ?? ({ kind: 'new' } as ProductSource),
      limit: Math.min(typeof limit === 'number' ? limit : 4, CANVAS_LIMIT),
      locale: locale(),
      // A resource source is compared by identity: a string key refetches only on change.
      key: JSON.stringify([slug(), source, limit, locale()]),
    }
  }
  const key = () => request()?.key
  const [products] = createResource(key, () => {
    const r = request()
    return r ? sourceProducts(r.slug, r.source, r.limit, r.locale) : Promise.resolve([])
  })
  return () => {
    if (!PRODUCT_BLOCKS.has(type())) return undefined
    const loaded = products.error || products.loading ? undefined : products()
    return { products: loaded ?? placeholders(props(), locale()) }
  }
}
