import type { Locale } from '../../../app/i18n.ts'
import { moneyInput } from '../../../kit/money.ts'
import type { LocalizedText, ProductDetail } from '../shared/catalog-api.ts'

/** A name or value of the spec matrix being edited; `key` stays the same across renames. */
export interface SpecText {
  key: string
  /** The stored text, so the locale the editor does not show survives an edit. */
  text: LocalizedText
}

/** One spec dimension (颜色) and its values (红, 蓝). */
export interface OptionDraft extends SpecText {
  values: SpecText[]
}

/** A SKU row as typed: money and stock as the merchant wrote them. */
export interface SkuDraft {
  /** The value keys of its combination, one per option, in option order. */
  combo: string[]
  id?: string
  price: string
  compareAt: string
  stock: string
  /** Whether stock was typed: an existing SKU's stock is sent only then (inventory owns it). */
  stockTouched: boolean
  code: string
  /** What the editor does not show of an existing SKU, sent back unchanged. */
  keep?: { weightGrams: number; barcode: string | null; status: 'active' | 'disabled' }
}

let counter = 0
/** A fresh key for a new option or value. */
export const newKey = () => `k${++counter}`

/** The label a text is keyed by in SKU specs: its zh-CN text, else its English (as the API does). */
export const labelOf = (text: LocalizedText): string => (text['zh-CN'] || text.en || '').trim()

/**
 * `text` with its label changed to `typed`: the locale the label comes from is edited (so the
 * other locale's translation stays); new text goes to the console's `locale`.
 */
export function relabel(text: LocalizedText, typed: string, locale: Locale): LocalizedText {
  const into: Locale = text['zh-CN'] ? 'zh-CN' : text.en ? 'en' : locale
  return { ...text, [into]: typed }
}

/** The options that take part in the matrix: those with at least one value so far. */
export const matrixOptions = (options: readonly OptionDraft[]) =>
  options.filter((option) => option.values.length > 0)

/** Every combination of the options' value keys, first option varying slowest (the API's order). */
export function combinations(options: readonly OptionDraft[]): string[][] {
  let combos: string[][] = [[]]
  for (const option of options)
    combos = combos.flatMap((combo) => option.values.map((value) => [...combo, value.key]))
  return combos
}

const emptyRow = (combo: string[]): SkuDraft => ({
  combo,
  price: '',
  compareAt: '',
  stock: '0',
  stockTouched: true,
  code: '',
})

/**
 * The SKU rows for `options`, keeping what was typed: a combination that existed keeps its row;
 * after an option is added or removed, each new combination takes the values of the old row it
 * overlaps most (its id, code and stock only once, so no SKU is claimed twice).
 */
export function regenerateRows(
  options: readonly OptionDraft[],
  rows: readonly SkuDraft[],
): SkuDraft[] {
  const exact = new Map(rows.map((row) => [row.combo.join('|'), row]))
  const claimed = new Set<SkuDraft>()
  const combos = combinations(options)
  const result: (SkuDraft | undefined)[] = combos.map((combo) => {
    const row = exact.get(combo.join('|'))
    if (row) claimed.add(row)
    return row && { ...row, combo }
  })
  return combos.map((combo, i) => {
    const kept = result[i]
    if (kept) return kept
    const overlap = (row: SkuDraft) => row.combo.filter((key) => combo.includes(key)).length
    const best = rows
      .filter(
        (row) => overlap(row) > 0 && overlap(row) === Math.min(row.combo.length, combo.length),
      )
      .sort((a, b) => overlap(b) - overlap(a))[0]
    if (!best) return emptyRow(combo)
    if (claimed.has(best))
      return { ...emptyRow(combo), price: best.price, compareAt: best.compareAt, keep: best.keep }
    claimed.add(best)
    return { ...best, combo }
  })
}

/** The editor's drafts of a saved product. */
export function draftsOf(product: ProductDetail): { options: OptionDraft[]; rows: SkuDraft[] } {
  const options: OptionDraft[] = product.specOptions.map((option) => ({
    key: newKey(),
    text: option.name,
    values: option.values.map((value) => ({ key: newKey(), text: value })),
  }))
  const rows = product.skus.flatMap((sku): SkuDraft[] => {
    const combo = options.map(
      (option) =>
        option.values.find((v) => labelOf(v.text) === sku.spec[labelOf(option.text)])?.key,
    )
    if (combo.some((key) => key === undefined)) return []
    return [
      {
        combo: combo as string[],
        id: sku.id,
        price: moneyInput(sku.price),
        compareAt: sku.compareAtPrice === null ? '' : moneyInput(sku.compareAtPrice),
        stock: String(sku.stock),
        stockTouched: false,
        code: sku.code ?? '',
        keep: { weightGrams: sku.weightGrams, barcode: sku.barcode, status: sku.status },
      },
    ]
  })
  return { options, rows: regenerateRows(options, rows) }
}

/** A row's combination as the API's spec object (`{ 颜色: '红', 尺码: 'M' }`). */
export function specOf(
  options: readonly OptionDraft[],
  combo: readonly string[],
): Record<string, string> {
  const spec: Record<string, string> = {}
  options.forEach((option, i) => {
    const value = option.values.find((v) => v.key === combo[i])
    if (value) spec[labelOf(option.text)] = labelOf(value.text)
  })
  return spec
}
