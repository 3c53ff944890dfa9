import type { ProductStatus } from '../../db/commerce-schema.ts'
import { MallError } from '../../http/errors.ts'
import { refreshSearchText } from '../search/search-text.ts'
import type { CatalogScope } from './catalog-scope.ts'
import { compactLocalized } from './localized.ts'
import { checkProductInput } from './product-checks.ts'
import type { ProductInput } from './product-input.ts'
import { saveSkus } from './sku-write.ts'
import { sanitizeDescription } from './sanitize-description.ts'

/**
 * Creates a product (no `productId`) or replaces one, with its SKU matrix and images, after
 * checking everything (422/409 naming the field, nothing written). Keeps `price_min/max` in step
 * with the SKUs and rebuilds the search text. Returns the product id.
 */
export async function saveProduct(
  scope: CatalogScope,
  input: ProductInput,
  productId?: string,
  prefix = 'body',
): Promise<string> {
  await checkProductInput(scope, input, productId, prefix)
  const tenantId = scope.tenant.id
  const description = compactLocalized({
    'zh-CN': input.description['zh-CN'] ? sanitizeDescription(input.description['zh-CN']) : '',
    en: input.description.en ? sanitizeDescription(input.description.en) : '',
  })
  const columns = {
    title: JSON.stringify(compactLocalized(input.title)),
    subtitle: JSON.stringify(input.subtitle),
    description_html: JSON.stringify(description),
    category_id: input.categoryId,
    tags: [...new Set(input.tags)],
    status: input.status,
    after_sales: JSON.stringify(input.afterSales),
    spec_options: JSON.stringify(
      input.specOptions.map((o) => ({
        name: compactLocalized(o.name),
        values: o.values.map(compactLocalized),
      })),
    ),
  }
  let id = productId
  if (id) {
    const updated = await scope.db
      .updateTable('core__product')
      .set({ ...columns, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw new MallError('not_found', 'No such product in this mall')
  } else {
    const created = await scope.db
      .insertInto('core__product')
      .values({ tenant_id: tenantId, ...columns })
      .returning('id')
      .executeTakeFirstOrThrow()
    id = created.id
  }
  const prices = await saveSkus(scope, id, input, prefix)
  await scope.db
    .updateTable('core__product')
    .set({ price_min: prices.min, price_max: prices.max })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute()
  await scope.db
    .deleteFrom('core__product_image')
    .where('tenant_id', '=', tenantId)
    .where('product_id', '=', id)
    .execute()
  if (input.imageIds.length)
    await scope.db
      .insertInto('core__product_image')
      .values(
        input.imageIds.map((mediaId, position) => ({
          tenant_id: tenantId,
          product_id: id,
          media_id: mediaId,
          position,
        })),
      )
      .execute()
  await refreshSearchText(scope.db, tenantId, id)
  return id
}

/** Sets a product's status (archive, publish); 404 when it is not a product of this mall. */
export async function setProductStatus(
  scope: CatalogScope,
  productId: string,
  status: ProductStatus,
): Promise<void> {
  const updated = await scope.db
    .updateTable('core__product')
    .set({ status, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenant.id)
    .where('id', '=', productId)
    .returning('id')
    .executeTakeFirst()
  if (!updated) throw new MallError('not_found', 'No such product in this mall')
  await refreshSearchText(scope.db, scope.tenant.id, productId)
}
