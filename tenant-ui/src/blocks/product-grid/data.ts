/** A product as a grid shows it: already localized, money in fen. */
export interface GridProduct {
  id: string
  title: string
  /** The lowest current price, in fen. */
  price: number
  /** The highest compare-at price (划线价), in fen, when above the price. */
  compareAt: number | null
  soldOut: boolean
  /** Size hints (`srcset`, `width`, `height`) are absent where the source has only one URL. */
  image: { src: string; srcset?: string; alt: string; width?: number; height?: number } | null
}

/** What the product grid's server loader hands the component. */
export interface ProductGridData {
  products: GridProduct[]
}
