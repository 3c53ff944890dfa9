import type { FieldError } from '../../http/errors.ts'
import { MallError, validationError } from '../../http/errors.ts'
import type { CatalogScope } from './catalog-scope.ts'
import type { ProductInput } from './product-input.ts'
import { checkSpecMatrix } from './spec-matrix.ts'

/**
 * Everything about a product request that needs more than its schema: the spec matrix, the
 * category and images of this mall, SKU codes unique in the request and in the mall. Throws a
 * 422 (or 409 for a code another product uses) naming each field; writes nothing.
 */
export async function checkProductInput(
  scope: CatalogScope,
  input: ProductInput,
  productId: string | undefined,
  prefix = 'body',
): Promise<void> {
  const tenantId = scope.tenant.id
  if (productId) {
    const existing = await scope.db
      .selectFrom('core__product')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', productId)
      // Two saves of one product wait for each other, so their SKU matrices never interleave.
      .forUpdate()
      .executeTakeFirst()
    if (!existing) throw new MallError('not_found', 'No such product in this mall')
  }
  const errors: FieldError[] = checkSpecMatrix(input.specOptions, input.skus, prefix)
  if (input.categoryId) {
    const category = await scope.db
      .selectFrom('core__category')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.categoryId)
      .executeTakeFirst()
    if (!category)
      errors.push({ field: `${prefix}.categoryId`, message: 'no such category in this mall' })
  }
  const imageIds = [...new Set(input.imageIds)]
  if (imageIds.length !== input.imageIds.length)
    errors.push({ field: `${prefix}.imageIds`, message: 'an image is listed twice' })
  if (imageIds.length) {
    const found = await scope.db
      .selectFrom('core__media')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', imageIds)
      .execute()
    const known = new Set(found.map((m) => m.id))
    input.imageIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ field: `${prefix}.imageIds.${i}`, message: 'no such image in this mall' })
    })
  }
  const codes = new Map<string, number>()
  input.skus.forEach((sku, i) => {
    if (!sku.code) return
    if (codes.has(sku.code))
      errors.push({
        field: `${prefix}.skus.${i}.code`,
        message: 'this code is already used by another SKU here',
      })
    else codes.set(sku.code, i)
  })
  if (errors.length) throw validationError(errors)
  if (!codes.size) return
  let taken = scope.db
    .selectFrom('core__sku')
    .select('code')
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', [...codes.keys()])
  if (productId) taken = taken.where('product_id', '!=', productId)
  const clashes = await taken.execute()
  if (clashes.length)
    throw new MallError('conflict', 'A SKU code is already used by another product of this mall', {
      errors: clashes.map((row) => ({
        field: `${prefix}.skus.${codes.get(row.code!)}.code`,
        message: `${row.code} is used by another product`,
      })),
    })
}
