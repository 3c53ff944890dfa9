import type { LocalizedText, SpecOption } from '../../db/commerce-schema.ts'
import { compactLocalized, labelOf } from './localized.ts'

/** The columns of the product CSV, in export order: one row per SKU, product columns repeated. */
export const CSV_COLUMNS = [
  'product_id',
  'status',
  'title_zh',
  'title_en',
  'subtitle_zh',
  'subtitle_en',
  'description_zh',
  'description_en',
  'category',
  'tags',
  'returnable_7d',
  'exclusion',
  'images',
  'spec',
  'spec_en',
  'sku_code',
  'price',
  'compare_at_price',
  'stock',
  'weight_grams',
  'barcode',
  'sku_status',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export type CsvRow = Record<CsvColumn, string>

/** Columns that describe the product rather than the SKU: they must agree on all its rows. */
export const PRODUCT_COLUMNS = CSV_COLUMNS.slice(0, 13) as readonly CsvColumn[]

/** Minor-unit digits of a currency (CNY 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** Minor units as a plain decimal (`5900` → `59.00`): what a merchant reads and types. */
export function formatMoney(minor: number, digits: number): string {
  if (!digits) return String(minor)
  const text = String(minor).padStart(digits + 1, '0')
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/** A decimal amount as integer minor units, or undefined when it is not one (`1.234`, `-1`, `1e3`). */
export function parseMoney(text: string, digits: number): number | undefined {
  const match = /^(\d{1,10})(?:\.(\d+))?$/.exec(text.trim())
  if (!match || (match[2] ?? '').length > digits) return undefined
  const value = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0)
  return Number.isSafeInteger(value) ? value : undefined
}

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^'*[=+\-@\t\r]/
const GUARDED = /^'+[=+\-@\t\r]/

/**
 * A cell as written to the export: one that a spreadsheet would run as a formula gets a leading
 * `'`, which makes it text. Cells already starting with `'`s before such a character get one more,
 * so `unguardCell` can always remove exactly the added one.
 *
 * @example guardCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** An imported cell without the `'` that `guardCell` added; any other cell is left as it is. */
export function unguardCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text
}

const escape = (text: string) => text.replace(/[\\;=]/g, (ch) => `\\${ch}`)

/** `颜色=红;尺码=M`, with `\`, `;` and `=` escaped by a backslash. */
export function formatSpec(pairs: readonly [string, string][]): string {
  return pairs.map(([name, value]) => `${escape(name)}=${escape(value)}`).join(';')
}

/** The pairs of a spec cell, or undefined when a part has no `=`. Empty cell: no pairs. */
export function parseSpec(text: string): [string, string][] | undefined {
  if (!text.trim()) return []
  const parts: string[][] = [['']]
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const part = parts.at(-1)!
    if (ch === '\\' && i + 1 < text.length) part.push(part.pop()! + text[++i])
    else if (ch === '=' && part.length === 1) part.push('')
    else if (ch === ';') parts.push([''])
    else part.push(part.pop()! + ch)
  }
  if (parts.some((p) => p.length !== 2)) return undefined
  return parts.map((p) => [p[0]!.trim(), p[1]!.trim()])
}

/** A SKU's spec split into the zh-CN and English cells, per option in order. */
export function specCells(
  options: readonly SpecOption[],
  spec: Record<string, string>,
): { zh: string; en: string } {
  const zh: [string, string][] = []
  const en: [string, string][] = []
  for (const option of options) {
    const value = option.values.find((v) => labelOf(v) === spec[labelOf(option.name)]) ?? {}
    zh.push([option.name['zh-CN'] ?? '', value['zh-CN'] ?? ''])
    en.push([option.name.en ?? '', value.en ?? ''])
  }
  const empty = (pairs: [string, string][]) => pairs.every(([a, b]) => !a && !b)
  return { zh: empty(zh) ? '' : formatSpec(zh), en: empty(en) ? '' : formatSpec(en) }
}

/** Builds localized text from the two cells, leaving out the empty one. */
export function localized(zh: string | undefined, en: string | undefined): LocalizedText {
  return compactLocalized({ 'zh-CN': zh?.trim() ?? '', en: en?.trim() ?? '' })
}
