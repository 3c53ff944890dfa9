import type { LocalizedText, SpecOption } from '../../db/commerce-schema.ts'
import type { FieldError } from '../../http/errors.ts'
import { localized, parseMoney, parseSpec, type CsvColumn } from './csv-format.ts'
import { cellError, type NumberedRow } from './csv-parse-rows.ts'
import { labelOf } from './localized.ts'

const SKU_COLUMNS: Record<string, CsvColumn> = {
  spec: 'spec',
  code: 'sku_code',
  price: 'price',
  compareAtPrice: 'compare_at_price',
  stock: 'stock',
  weightGrams: 'weight_grams',
  barcode: 'barcode',
  status: 'sku_status',
  id: 'sku_code',
}
const PRODUCT_FIELDS: Record<string, CsvColumn> = {
  status: 'status',
  categoryId: 'category',
  tags: 'tags',
  imageIds: 'images',
  specOptions: 'spec',
  skus: 'spec',
  returnable7d: 'returnable_7d',
  exclusion: 'exclusion',
}

/** The cell an input path (`skus.2.price`, `title.en`) came from, for errors by line and column. */
export function cellFor(
  rows: readonly NumberedRow[],
  path: readonly (string | number)[],
): { line: number; column: string } {
  const [head, second, third] = path.map(String)
  const first = rows[0]?.line ?? 1
  if (head === 'skus' && second !== undefined && /^\d+$/.test(second))
    return {
      line: rows[Number(second)]?.line ?? first,
      column: SKU_COLUMNS[third ?? 'spec'] ?? 'spec',
    }
  if (head === 'title' || head === 'subtitle' || head === 'description')
    return { line: first, column: `${head}_${second === 'en' ? 'en' : 'zh'}` }
  if (head === 'afterSales')
    return { line: first, column: PRODUCT_FIELDS[second ?? ''] ?? 'returnable_7d' }
  return { line: first, column: PRODUCT_FIELDS[head ?? ''] ?? head ?? '*' }
}

const YES = new Set(['yes', 'true', '1', 'y', '是'])
const NO = new Set(['no', 'false', '0', 'n', '否'])

/**
 * Turns the rows of one product into a (not yet validated) product request, reporting cells that
 * cannot be read at all: money, whole numbers, yes/no, spec cells. Spec options are rebuilt from
 * the spec cells in order of first appearance, which is the matrix order export writes.
 */
export function rowsToInput(
  rows: readonly NumberedRow[],
  options: {
    digits: number
    categoryOf: (cell: string) => string | null | undefined
    skuIdOf: (code: string) => string | undefined
  },
): { input: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = []
  const first = rows[0]!
  const r = first.row
  const bad = (line: number, column: string, message: string) =>
    errors.push(cellError(line, column, message))

  let returnable: boolean | undefined
  if (YES.has(r.returnable_7d.toLowerCase())) returnable = true
  else if (NO.has(r.returnable_7d.toLowerCase())) returnable = false
  else if (r.returnable_7d) bad(first.line, 'returnable_7d', 'write yes or no')
  const categoryId = r.category ? options.categoryOf(r.category) : null
  if (categoryId === undefined)
    bad(first.line, 'category', `no single category with the id or name “${r.category}”`)

  const specOptions: SpecOption[] = []
  const skus = rows.map(({ line, row }) => {
    const zh = parseSpec(row.spec)
    const en = parseSpec(row.spec_en)
    if (!zh) bad(line, 'spec', 'write the spec as name=value;name=value')
    if (!en) bad(line, 'spec_en', 'write the spec as name=value;name=value')
    const dims = Math.max(zh?.length ?? 0, en?.length ?? 0)
    const spec: Record<string, string> = {}
    for (let d = 0; d < dims; d++) {
      const name = localized(zh?.[d]?.[0], en?.[d]?.[0])
      const value = localized(zh?.[d]?.[1], en?.[d]?.[1])
      let option = specOptions[d]
      if (!option) option = specOptions[d] = { name, values: [] }
      else if (labelOf(option.name) !== labelOf(name))
        bad(line, 'spec', `spec ${d + 1} is named ${labelOf(option.name)} on line ${first.line}`)
      if (!option.values.some((v) => labelOf(v) === labelOf(value)))
        option.values.push(value as LocalizedText)
      spec[labelOf(name)] = labelOf(value)
    }
    const price = parseMoney(row.price, options.digits)
    if (price === undefined) bad(line, 'price', `not an amount like 59.00`)
    const compareAt = row.compare_at_price ? parseMoney(row.compare_at_price, options.digits) : null
    if (compareAt === undefined) bad(line, 'compare_at_price', 'not an amount like 99.00')
    const whole = (column: 'stock' | 'weight_grams') => {
      if (!row[column]) return undefined
      if (!/^-?\d{1,12}$/.test(row[column])) bad(line, column, 'not a whole number')
      return Number(row[column])
    }
    return {
      ...(row.sku_code && options.skuIdOf(row.sku_code)
        ? { id: options.skuIdOf(row.sku_code) }
        : {}),
      spec,
      code: row.sku_code || null,
      price: price ?? 0,
      compareAtPrice: compareAt ?? null,
      stock: whole('stock'),
      weightGrams: whole('weight_grams') ?? 0,
      barcode: row.barcode || null,
      status: row.sku_status || 'active',
    }
  })
  const input = {
    title: localized(r.title_zh, r.title_en),
    subtitle: localized(r.subtitle_zh, r.subtitle_en),
    description: localized(r.description_zh, r.description_en),
    categoryId: categoryId ?? null,
    tags: r.tags
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean),
    status: r.status || 'draft',
    afterSales: { returnable7d: returnable ?? !r.exclusion, exclusion: r.exclusion || null },
    specOptions,
    skus,
    imageIds: r.images
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean),
  }
  return { input, errors }
}
