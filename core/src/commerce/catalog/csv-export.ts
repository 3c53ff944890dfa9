import { stringify } from 'csv-stringify/sync'
import type { TenantTx } from '../../db/tenant-scope.ts'
import {
  CSV_COLUMNS,
  currencyDigits,
  formatMoney,
  guardCell,
  specCells,
  type CsvRow,
} from './csv-format.ts'
import type { ProductDetail, ViewOptions } from './product-read.ts'
import { loadProductDetails } from './product-read.ts'

/** The CSV rows of one product, one per current SKU; import compares against these. */
export function productRows(product: ProductDetail, digits: number): CsvRow[] {
  return product.skus.map((sku) => {
    const spec = specCells(product.specOptions, sku.spec)
    return {
      product_id: product.id,
      status: product.status,
      title_zh: product.title['zh-CN'] ?? '',
      title_en: product.title.en ?? '',
      subtitle_zh: product.subtitle['zh-CN'] ?? '',
      subtitle_en: product.subtitle.en ?? '',
      description_zh: product.description['zh-CN'] ?? '',
      description_en: product.description.en ?? '',
      category: product.categoryId ?? '',
      tags: product.tags.join('|'),
      returnable_7d: product.afterSales.returnable7d ? 'yes' : 'no',
      exclusion: product.afterSales.exclusion ?? '',
      images: product.images.map((m) => m.id).join('|'),
      spec: spec.zh,
      spec_en: spec.en,
      sku_code: sku.code ?? '',
      price: formatMoney(sku.price, digits),
      compare_at_price: sku.compareAtPrice == null ? '' : formatMoney(sku.compareAtPrice, digits),
      stock: String(sku.stock),
      weight_grams: String(sku.weightGrams),
      barcode: sku.barcode ?? '',
      sku_status: sku.status,
    }
  })
}

/**
 * Every product of the mall (any status) as CSV: UTF-8 with a byte-order mark so Excel reads
 * Chinese correctly, one row per SKU, money as decimals in the mall's currency, cells that a
 * spreadsheet would run as formulas prefixed with `'`.
 */
export async function exportProductsCsv(
  db: TenantTx,
  tenantId: string,
  view: ViewOptions,
): Promise<string> {
  const digits = currencyDigits(view.currency)
  const ids = await db
    .selectFrom('core__product')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const rows: CsvRow[] = []
  for (let i = 0; i < ids.length; i += 200) {
    const batch = await loadProductDetails(
      db,
      tenantId,
      ids.slice(i, i + 200).map((r) => r.id),
      view,
    )
    for (const product of batch) rows.push(...productRows(product, digits))
  }
  // Guarded here, not in `productRows`: import compares unguarded cells with those rows.
  const cells = rows.map((row) =>
    Object.fromEntries(CSV_COLUMNS.map((column) => [column, guardCell(row[column])])),
  )
  return stringify(cells, { header: true, columns: [...CSV_COLUMNS], bom: true })
}
