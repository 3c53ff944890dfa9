import { listProducts } from '../../../../core/src/commerce/catalog/product-list.ts'
import { loadProductDetails } from '../../../../core/src/commerce/catalog/product-read.ts'
import type { ProductDetail } from '../../../../core/src/commerce/catalog/product-read.ts'
import type { ProductSummary } from '../../../../core/src/commerce/catalog/product-list.ts'
import type { MediaView } from '../../../../core/src/commerce/storage/media-service.ts'
import type { GridProduct, ProductGridData } from '../../blocks/product-grid/data.ts'
import type { ProductGridProps } from '../../blocks/product-grid/manifest.ts'
import { pick, type Locale } from '../../shared/localized.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { LoaderEnv } from './loader.ts'

function gridImage(media: MediaView | null | undefined, alt: string): GridProduct['image'] {
  if (!media) return null
  const { thumb, medium } = media.variants
  const main = medium ?? thumb
  return {
    src: main?.url ?? media.url,
    srcset: [thumb, medium]
      .filter((v): v is NonNullable<typeof v> => Boolean(v))
      .map((v) => `${v.url} ${v.width}w`)
      .join(', '),
    alt: alt || media.alt || '',
    width: main?.width ?? media.width,
    height: main?.height ?? media.height,
  }
}

const compareAt = (price: number, compare: number | null) =>
  compare !== null && compare > price ? compare : null

/** A product summary as grids, lists and category tabs show it. */
export function fromSummary(product: ProductSummary, locale: Locale): GridProduct {
  const title = pick(product.title, locale)
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compareAt(product.priceMin, product.compareAtPriceMax),
    soldOut: product.stock === 0,
    image: gridImage(product.image, title),
  }
}

function fromDetail(product: ProductDetail, locale: Locale): GridProduct {
  const title = pick(product.title, locale)
  const compare = Math.max(0, ...product.skus.map((sku) => sku.compareAtPrice ?? 0))
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compareAt(product.priceMin, compare || null),
    soldOut: product.skus.every((sku) => sku.stock === 0),
    image: gridImage(product.images[0], title),
  }
}

/**
 * The products of a grid or list, active only, from its source: newest, best selling, category,
 * tag or a pick.
 */
export async function loadProductGrid(
  ctx: MallContext,
  props: Pick<ProductGridProps, 'source' | 'limit'>,
  env: LoaderEnv,
): Promise<ProductGridData> {
  const source = props.source
  if (source.kind === 'manual') {
    const ids = source.productIds.slice(0, props.limit)
    const details = await loadProductDetails(ctx.db, ctx.tenant.id, ids, env.view, {
      status: 'active',
      activeSkusOnly: true,
    })
    return { products: details.map((product) => fromDetail(product, env.locale)) }
  }
  const page = await listProducts(
    ctx.db,
    ctx.tenant.id,
    {
      status: 'active',
      sort: source.kind === 'best-selling' ? 'sales' : 'newest',
      limit: props.limit,
      categoryId: source.kind === 'category' ? source.categoryId : undefined,
      tag: source.kind === 'tag' ? source.tag : undefined,
    },
    env.view,
  )
  return { products: page.items.map((product) => fromSummary(product, env.locale)) }
}
