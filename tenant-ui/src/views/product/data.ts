/** What the product page renders from (server-loaded, the same for every customer). */
export interface ProductViewData {
  id: string
  title: string
  subtitle: string
  /** Sanitized by the catalog on save (its allowlist), in the page's locale. */
  descriptionHtml: string
  images: ProductImage[]
  specs: SpecRow[]
  skus: SkuChoice[]
  priceMin: number
  priceMax: number
  /** The highest compare-at price (划线价) above the lowest price, else null. */
  compareAt: number | null
  salesCount: number
  returnable7d: boolean
  /** The mall's default shipping template; null when it has none (everything ships free). */
  shipping: ShippingTemplate | null
  /** The most of one SKU a cart line holds. */
  maxQuantity: number
}

/** An image of the gallery: the 720 px variant with both variants as `srcset`. */
export interface ProductImage {
  src: string
  srcset: string
  width: number
  height: number
  alt: string
}

/** One spec dimension (颜色) and its values, keyed as SKUs key them (zh-CN name, else English). */
export interface SpecRow {
  key: string
  name: string
  values: { key: string; label: string }[]
}

/** A SKU on sale: its value per spec key, price and stock. */
export interface SkuChoice {
  id: string
  spec: Record<string, string>
  price: number
  compareAt: number | null
  stock: number
  weightGrams: number
}

/** The parts of a shipping template an estimate needs (money in fen). */
export interface ShippingTemplate {
  basis: 'piece' | 'weight'
  freeThreshold: number | null
  rules: {
    regions: string[]
    first: number
    firstFee: number
    additional: number
    additionalFee: number
  }[]
}
