import { listProducts } from '../../../../core/src/commerce/catalog/product-list.ts'
import { loadProductDetails } from '../../../../core/src/commerce/catalog/product-read.ts'
import type { ProductDetail } from '../../../../core/src/commerce/catalog/product-read.ts'
import type { GridProduct, ProductGridData } from '../../blocks/product-grid/data.ts'
import {
  cardFromSummary,
  cardImage,
  compareAtPrice,
} from '../../blocks/product-grid/grid-product.ts'
import type { ProductGridProps } from '../../blocks/product-grid/manifest.ts'
import { pick, type Locale } from '../../shared/localized.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { LoaderEnv } from './loader.ts'

function fromDetail(product: ProductDetail, locale: Locale): GridProduct {
  const title = pick(product.title, locale)
  const compare = Math.max(0, ...product.skus.map((sku) => sku.compareAtPrice ?? 0))
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compareAtPrice(product.priceMin, compare || null),
    soldOut: product.skus.every((sku) => sku.stock === 0),
    image: cardImage(product.images[0], title),
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
  return { products: page.items.map((product) => cardFromSummary(product, env.locale)) }
}
