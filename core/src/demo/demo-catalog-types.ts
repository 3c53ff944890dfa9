import type { ReturnExclusion } from '../db/commerce-schema.ts'

/** The demo categories, by key: top-level ones and two under 数码. */
export const DEMO_CATEGORIES = {
  digital: { zh: '数码', en: 'Digital', parent: null },
  phones: { zh: '手机通讯', en: 'Phones', parent: 'digital' },
  audio: { zh: '影音娱乐', en: 'Audio & Video', parent: 'digital' },
  apparel: { zh: '服饰', en: 'Apparel', parent: null },
  beauty: { zh: '美妆', en: 'Beauty', parent: null },
  home: { zh: '家居', en: 'Home', parent: null },
  food: { zh: '食品', en: 'Food', parent: null },
  sports: { zh: '运动', en: 'Sports', parent: null },
} as const satisfies Record<string, { zh: string; en: string; parent: string | null }>
export type DemoCategory = keyof typeof DEMO_CATEGORIES

/** One spec dimension of a demo product: names, and values with a price surcharge in fen. */
export interface DemoOption {
  zh: string
  en: string
  values: readonly (readonly [zh: string, en: string, surcharge?: number])[]
}

/** A demo product, compactly: prices in fen, SKUs generated from the options' matrix. */
export interface DemoProduct {
  /** SKU code prefix, unique, e.g. `DG-PHONE`. */
  code: string
  category: DemoCategory
  zh: string
  en: string
  subZh: string
  subEn: string
  price: number
  /** 划线价 for every SKU, as a percentage above its price (e.g. 25 → +25%). */
  markup?: number
  options?: readonly DemoOption[]
  tags: readonly string[]
  /** Image: the hue of the gradient and the shape drawn. */
  hue: number
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' | 'bars'
  grams?: number
  exclusion?: Exclude<ReturnExclusion, null>
}

/** Yuan to fen. */
export const yuan = (amount: number) => Math.round(amount * 100)

/** A 颜色 (Color) dimension with the given values. */
export const COLORS = (values: readonly (readonly [string, string])[]): DemoOption => ({
  zh: '颜色',
  en: 'Color',
  values,
})
/** Clothing sizes S–XL. */
export const SIZES: DemoOption = {
  zh: '尺码',
  en: 'Size',
  values: [
    ['S', 'S'],
    ['M', 'M'],
    ['L', 'L'],
    ['XL', 'XL'],
  ],
}
/** Shoe sizes 39–43. */
export const SHOE_SIZES: DemoOption = {
  zh: '尺码',
  en: 'Size',
  values: [
    ['39', '39'],
    ['40', '40'],
    ['41', '41'],
    ['42', '42'],
    ['43', '43'],
  ],
}
