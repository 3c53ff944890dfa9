import type { ProductSummary } from '../../../../core/src/commerce/catalog/product-list.ts'
import type { SearchItem } from '../../../../core/src/commerce/search/search-schemas.ts'
import { pick, type Locale } from '../../shared/localized.ts'
import type { GridProduct } from './data.ts'

/**
 * Product cards from the store API's JSON, on either side: the catalog views render their first
 * page on the server and append further pages in the browser through the same functions, so a
 * card looks the same wherever it was fetched.
 */

type Media = NonNullable<ProductSummary['image']>

/** A card image from a media view: the 720 px variant, with both variants as `srcset`. */
function cardImage(media: Media | null, alt: string): GridProduct['image'] {
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

/** A card from a `GET /api/store/products` item, in `locale`. */
export function cardFromSummary(product: ProductSummary, locale: Locale): GridProduct {
  const title = pick(product.title, locale)
  const compare = product.compareAtPriceMax
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compare !== null && compare > product.priceMin ? compare : null,
    soldOut: product.stock === 0,
    image: cardImage(product.image, title),
  }
}

/** A card from a `GET /api/store/search` item (already localized by the search). */
export function cardFromSearch(item: SearchItem): GridProduct {
  const compare = item.compareAtPrice
  return {
    id: item.id,
    title: item.title,
    price: item.priceMin,
    compareAt: compare !== null && compare > item.priceMin ? compare : null,
    soldOut: !item.inStock,
    image: item.imageUrl ? { src: item.imageUrl, alt: item.title } : null,
  }
}
