import type { GridProduct } from '../../../tenant-ui/src/blocks/product-grid/data.ts'
import type { Locale } from '../app/i18n.ts'

/** Blocks whose server loader fetches products: the canvas shows placeholder cards instead. */
const PRODUCT_BLOCKS = new Set(['core/product-grid', 'core/product-list'])

/**
 * What the canvas hands a block as its loader data. The canvas has no server render, so blocks
 * that list products get placeholder cards (as many as their `limit`, at most six).
 */
export function canvasData(type: string, props: Record<string, unknown>, locale: Locale) {
  if (!PRODUCT_BLOCKS.has(type)) return undefined
  const limit = typeof props.limit === 'number' ? Math.min(props.limit, 6) : 4
  const products: GridProduct[] = Array.from({ length: limit }, (_, i) => ({
    id: `placeholder-${i + 1}`,
    title: locale === 'en' ? `Product ${i + 1}` : `商品 ${i + 1}`,
    price: 9900,
    compareAt: null,
    soldOut: false,
    image: null,
  }))
  return { products }
}
