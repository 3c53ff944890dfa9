import type { Insertable } from 'kysely'
import type { SkuTable } from '../../db/commerce-schema.ts'
import { validationError } from '../../http/errors.ts'
import type { CatalogScope } from './catalog-scope.ts'
import type { ProductInput } from './product-input.ts'
import { matrixCombinations, specKey } from './spec-matrix.ts'

/** The position of SKUs no longer in the matrix, kept (disabled) only because orders refer to them. */
export const RETIRED_POSITION = 100_000

/**
 * Writes a product's SKUs to match the (already checked) request: existing SKUs are matched by id,
 * else by their spec combination, and updated in place so carts and orders keep pointing at them;
 * new ones are inserted; SKUs no longer listed are deleted, or disabled when an order or a stock
 * reservation refers to them. Positions follow the matrix order. Returns the active price range.
 */
export async function saveSkus(
  scope: CatalogScope,
  productId: string,
  input: ProductInput,
  prefix = 'body',
): Promise<{ min: number; max: number }> {
  const tenantId = scope.tenant.id
  const existing = await scope.db
    .selectFrom('core__sku')
    .select(['id', 'spec'])
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', productId)
    .execute()
  const byId = new Map(existing.map((sku) => [sku.id, sku]))
  const unmatched = new Map(existing.map((sku) => [specKey(sku.spec, input.specOptions), sku.id]))
  const order = new Map(
    matrixCombinations(input.specOptions).map((c, i) => [specKey(c, input.specOptions), i]),
  )

  const matched = input.skus.map((sku, i) => {
    if (sku.id && !byId.has(sku.id))
      throw validationError([
        { field: `${prefix}.skus.${i}.id`, message: 'not a SKU of this product' },
      ])
    return sku.id ?? unmatched.get(specKey(sku.spec, input.specOptions))
  })
  const kept = new Set(matched.filter((id): id is string => Boolean(id)))
  // Codes move freely between SKUs of one product: clear them first so the unique key never trips.
  if (existing.length)
    await scope.db
      .updateTable('core__sku')
      .set({ code: null })
      .where('tenant_id', '=', tenantId)
      .where('product_id', '=', productId)
      .execute()

  const inserts: Insertable<SkuTable>[] = []
  for (const [i, sku] of input.skus.entries()) {
    const values = {
      spec: JSON.stringify(sku.spec),
      code: sku.code ?? null,
      price: sku.price,
      compare_at_price: sku.compareAtPrice ?? null,
      weight_grams: sku.weightGrams,
      barcode: sku.barcode || null,
      status: sku.status,
      position: order.get(specKey(sku.spec, input.specOptions)) ?? i,
    }
    const id = matched[i]
    if (id)
      await scope.db
        .updateTable('core__sku')
        .set({ ...values, ...(sku.stock === undefined ? {} : { stock: sku.stock }) })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute()
    else
      inserts.push({ tenant_id: tenantId, product_id: productId, stock: sku.stock ?? 0, ...values })
  }
  if (inserts.length) await scope.db.insertInto('core__sku').values(inserts).execute()

  const gone = existing.map((sku) => sku.id).filter((id) => !kept.has(id))
  if (gone.length) {
    const referenced = await scope.db
      .selectFrom('core__order_line')
      .select('sku_id')
      .where('tenant_id', '=', tenantId)
      .where('sku_id', 'in', gone)
      .union(
        scope.db
          .selectFrom('core__stock_reservation')
          .select('sku_id')
          .where('tenant_id', '=', tenantId)
          .where('sku_id', 'in', gone),
      )
      .execute()
    const keep = new Set(referenced.map((r) => r.sku_id))
    const removable = gone.filter((id) => !keep.has(id))
    if (keep.size)
      await scope.db
        .updateTable('core__sku')
        .set({ status: 'disabled', position: RETIRED_POSITION })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', [...keep])
        .execute()
    if (removable.length)
      await scope.db
        .deleteFrom('core__sku')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', removable)
        .execute()
  }
  const active = input.skus.filter((s) => s.status === 'active')
  const prices = (active.length ? active : input.skus).map((s) => s.price)
  return { min: Math.min(...prices), max: Math.max(...prices) }
}
