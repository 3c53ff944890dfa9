import type { FieldError } from '../../http/errors.ts'
import { MallError, validationError } from '../../http/errors.ts'
import type { CatalogScope } from './catalog-scope.ts'
import { productRows } from './csv-export.ts'
import { currencyDigits, PRODUCT_COLUMNS } from './csv-format.ts'
import { cellError, parseProductCsv, type NumberedRow } from './csv-parse-rows.ts'
import { cellFor, rowsToInput } from './csv-to-input.ts'
import { checkProductInput } from './product-checks.ts'
import { ProductInput } from './product-input.ts'
import { loadProductDetails, type ViewOptions } from './product-read.ts'
import { saveProduct } from './product-write.ts'

/** What an import did. */
export interface ImportResult {
  created: number
  updated: number
  unchanged: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Imports products from CSV, all or nothing: every row is checked first (422 listing each bad cell
 * by line and column, nothing written), then products are created or updated. Rows group into a
 * product by `product_id`, else by title; a product without an id whose SKU codes exist updates
 * that product, and SKUs are matched by code. A product whose rows equal its export is left alone,
 * so exporting and importing again changes nothing.
 */
export async function importProductsCsv(
  scope: CatalogScope,
  text: string,
  view: ViewOptions,
): Promise<ImportResult> {
  const rows = parseProductCsv(text)
  const tenantId = scope.tenant.id
  const digits = currencyDigits(view.currency)
  const codes = [...new Set(rows.map((r) => r.row.sku_code).filter(Boolean))]
  const skuByCode = new Map<string, { id: string; productId: string }>()
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await scope.db
      .selectFrom('core__sku')
      .select(['id', 'product_id', 'code'])
      .where('tenant_id', '=', tenantId)
      .where('code', 'in', codes.slice(i, i + 1000))
      .execute()
    for (const sku of found) skuByCode.set(sku.code!, { id: sku.id, productId: sku.product_id })
  }
  const categories = await scope.db
    .selectFrom('core__category')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute()
  const categoryOf = (cell: string) => {
    const matches = categories.filter(
      (c) => c.id === cell.toLowerCase() || c.name['zh-CN'] === cell || c.name.en === cell,
    )
    return matches.length === 1 ? matches[0]!.id : undefined
  }

  const groups = new Map<string, NumberedRow[]>()
  for (const row of rows) {
    const key = row.row.product_id
      ? `id:${row.row.product_id.toLowerCase()}`
      : `title:${row.row.title_zh}\u0001${row.row.title_en}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }

  const errors: FieldError[] = []
  const plans: { productId: string | undefined; input: ProductInput }[] = []
  const codeLine = new Map<string, number>()
  let unchanged = 0
  for (const group of groups.values()) {
    const first = group[0]!
    for (const { line, row } of group.slice(1))
      for (const column of PRODUCT_COLUMNS)
        if (row[column] !== first.row[column])
          errors.push(
            cellError(line, column, `differs from line ${first.line} of the same product`),
          )
    for (const { line, row } of group) {
      if (!row.sku_code) continue
      const earlier = codeLine.get(row.sku_code)
      if (earlier !== undefined)
        errors.push(cellError(line, 'sku_code', `${row.sku_code} is already on line ${earlier}`))
      else codeLine.set(row.sku_code, line)
    }

    let productId: string | undefined
    if (first.row.product_id) {
      const id = first.row.product_id.toLowerCase()
      const exists =
        UUID.test(id) &&
        (await scope.db
          .selectFrom('core__product')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .executeTakeFirst())
      if (!exists) {
        errors.push(
          cellError(
            first.line,
            'product_id',
            'no such product in this mall; leave it empty to create one',
          ),
        )
        continue
      }
      productId = id
    } else {
      const owners = new Set(
        group.flatMap((r) => (r.row.sku_code && skuByCode.get(r.row.sku_code)?.productId) || []),
      )
      if (owners.size > 1) {
        errors.push(
          cellError(first.line, 'sku_code', 'these SKU codes belong to different products'),
        )
        continue
      }
      productId = [...owners][0]
    }
    for (const { line, row } of group) {
      const owner = row.sku_code ? skuByCode.get(row.sku_code)?.productId : undefined
      if (owner && owner !== productId)
        errors.push(
          cellError(line, 'sku_code', `${row.sku_code} belongs to another product (${owner})`),
        )
    }

    const raw = rowsToInput(group, {
      digits,
      categoryOf,
      skuIdOf: (code) =>
        productId && skuByCode.get(code)?.productId === productId
          ? skuByCode.get(code)?.id
          : undefined,
    })
    if (raw.errors.length) {
      errors.push(...raw.errors)
      continue
    }
    const parsed = ProductInput.safeParse(raw.input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const cell = cellFor(group, issue.path as (string | number)[])
        errors.push(cellError(cell.line, cell.column, issue.message))
      }
      continue
    }
    try {
      await checkProductInput(scope, parsed.data, productId)
    } catch (error) {
      if (!(error instanceof MallError) || !error.errors) throw error
      for (const e of error.errors) {
        const cell = cellFor(group, e.field.split('.').slice(1))
        errors.push(cellError(cell.line, cell.column, e.message))
      }
      continue
    }
    if (productId && (await isUnchanged(scope, productId, group, digits, view))) unchanged++
    else plans.push({ productId, input: parsed.data })
  }
  if (errors.length)
    throw validationError(
      errors.slice(0, 200),
      `${errors.length} problem(s) in the CSV; nothing was imported`,
    )

  for (const plan of plans) await saveProduct(scope, plan.input, plan.productId)
  const updated = plans.filter((p) => p.productId).length
  return { created: plans.length - updated, updated, unchanged }
}

/** Whether the rows say exactly what the product's export says, in the columns the file has. */
async function isUnchanged(
  scope: CatalogScope,
  productId: string,
  group: readonly NumberedRow[],
  digits: number,
  view: ViewOptions,
): Promise<boolean> {
  const [product] = await loadProductDetails(scope.db, scope.tenant.id, [productId], view)
  if (!product) return false
  const current = productRows(product, digits)
  if (current.length !== group.length) return false
  return group.every(({ row, present }, i) =>
    [...present].every((column) => column === 'product_id' || row[column] === current[i]![column]),
  )
}
