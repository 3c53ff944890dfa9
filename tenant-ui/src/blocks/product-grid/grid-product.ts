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

/** An image's size hints from a media view: the 720 px variant, with both variants as `srcset`. */
export function responsiveImage(media: Media): {
  src: string
  srcset: string
  width: number
  height: number
} {
  const { thumb, medium } = media.variants
  const main = medium ?? thumb
  return {
    src: main?.url ?? media.url,
    srcset: [thumb, medium]
      .filter((v): v is NonNullable<typeof v> => Boolean(v))
      .map((v) => `${v.url} ${v.width}w`)
      .join(', '),
    width: main?.width ?? media.width,
    height: main?.height ?? media.height,
  }
}

/** A card image from a media view, described by `alt` (else the media's own alt text). */
export function cardImage(media: Media | null | undefined, alt: string): GridProduct['image'] {
  if (!media) return null
  return { ...responsiveImage(media), alt: alt || media.alt || '' }
}

/** The compare-at price (划线价) a card shows: only one above the price. */
export const compareAtPrice = (price: number, compare: number | null): number | null =>
  compare !== null && compare > price ? compare : null

/** A card from a `GET /api/store/products` item, in `locale`. */
export function cardFromSummary(product: ProductSummary, locale: Locale): GridProduct {
  const title = pick(product.title, locale)
  return {
    id: product.id,
    title,
    price: product.priceMin,
    compareAt: compareAtPrice(product.priceMin, product.compareAtPriceMax),
    soldOut: product.stock === 0,
    image: cardImage(product.image, title),
  }
}

/** A card from a `GET /api/store/search` item (already localized by the search). */
export function cardFromSearch(item: SearchItem): GridProduct {
  return {
    id: item.id,
    title: item.title,
    price: item.priceMin,
    compareAt: compareAtPrice(item.priceMin, item.compareAtPrice),
    soldOut: !item.inStock,
    image: item.imageUrl ? { src: item.imageUrl, alt: item.title } : null,
  }
}
