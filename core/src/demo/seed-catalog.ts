import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { SpecOption } from '../db/commerce-schema.ts'
import type { Db } from '../db/create-db.ts'
import { withTenant, type TenantTx } from '../db/tenant-scope.ts'
import { loadConfig } from '../config/env.ts'
import { matrixCombinations } from '../commerce/catalog/spec-matrix.ts'
import { ProductInput } from '../commerce/catalog/product-input.ts'
import { saveProduct } from '../commerce/catalog/product-write.ts'
import { prepareImage, storeImage } from '../commerce/storage/media-service.ts'
import { storageFor, type Storage } from '../commerce/storage/storage.ts'
import { DEMO_CATEGORIES, type DemoCategory, type DemoProduct } from './demo-catalog-types.ts'
import { renderDemoImage } from './demo-image.ts'
import { DEMO_PRODUCTS_A } from './demo-products-a.ts'
import { DEMO_PRODUCTS_B } from './demo-products-b.ts'

/** Every demo product (42, across 6 top-level categories). */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [...DEMO_PRODUCTS_A, ...DEMO_PRODUCTS_B]

/** A number from 0 to `max - 1` that depends only on `text`: demo stock and sales without randomness. */
function stable(text: string, max: number): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % max
}

async function ensureCategories(
  tx: TenantTx,
  tenantId: string,
): Promise<Record<DemoCategory, string>> {
  const ids = {} as Record<DemoCategory, string>
  let position = 0
  for (const [key, category] of Object.entries(DEMO_CATEGORIES) as [
    DemoCategory,
    (typeof DEMO_CATEGORIES)[DemoCategory],
  ][]) {
    const parentId = category.parent ? ids[category.parent as DemoCategory] : null
    const existing = await tx
      .selectFrom('core__category')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb(eb.ref('name', '->>').key('zh-CN'), '=', category.zh))
      .executeTakeFirst()
    ids[key] =
      existing?.id ??
      (
        await tx
          .insertInto('core__category')
          .values({
            tenant_id: tenantId,
            name: JSON.stringify({ 'zh-CN': category.zh, en: category.en }),
            parent_id: parentId,
            position: position,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    position++
  }
  return ids
}

/** The product request of a demo product: its matrix of SKUs with surcharges, stock and 划线价. */
function demoInput(product: DemoProduct, categoryId: string, imageId: string): ProductInput {
  const options: SpecOption[] = (product.options ?? []).map((o) => ({
    name: { 'zh-CN': o.zh, en: o.en },
    values: o.values.map(([zh, en]) => ({ 'zh-CN': zh, en })),
  }))
  const surcharge = new Map(
    (product.options ?? []).flatMap((o) =>
      o.values.map(([zh, , extra]) => [`${o.zh}=${zh}`, extra ?? 0] as const),
    ),
  )
  const skus = matrixCombinations(options).map((spec, i) => {
    const price =
      product.price +
      Object.entries(spec).reduce((sum, [k, v]) => sum + (surcharge.get(`${k}=${v}`) ?? 0), 0)
    const code = `${product.code}-${String(i + 1).padStart(2, '0')}`
    // About one SKU in twelve is sold out, so the store shows that state too.
    const stock = stable(code, 12) === 0 ? 0 : 5 + stable(`${code}:stock`, 196)
    return {
      spec,
      code,
      price,
      stock,
      compareAtPrice: product.markup
        ? Math.round((price * (100 + product.markup)) / 100 / 100) * 100
        : null,
      weightGrams: product.grams ?? 500,
      barcode: `69${String(stable(code, 1e9)).padStart(11, '0')}`,
      status: 'active' as const,
    }
  })
  return ProductInput.parse({
    title: { 'zh-CN': product.zh, en: product.en },
    subtitle: { 'zh-CN': product.subZh, en: product.subEn },
    description: {
      'zh-CN': `<h2>${product.zh}</h2><p>${product.subZh}。</p><ul><li>正品保障</li><li>${product.exclusion ? '本商品不支持七天无理由退货' : '支持七天无理由退货'}</li></ul>`,
      en: `<h2>${product.en}</h2><p>${product.subEn}.</p><ul><li>Genuine product</li><li>${product.exclusion ? 'Not eligible for 7-day no-reason returns' : '7-day no-reason returns'}</li></ul>`,
    },
    categoryId,
    tags: product.tags,
    status: 'active',
    afterSales: { returnable7d: !product.exclusion, exclusion: product.exclusion ?? null },
    specOptions: options,
    skus,
    imageIds: [imageId],
  })
}

/**
 * Seeds the demo catalog into a mall: categories, and 42 active products with Chinese and English
 * names, spec matrices, prices in fen, stock and a generated image each (stored like an upload,
 * with thumbnails). Deterministic, and idempotent: a product whose SKU codes already exist is
 * skipped. Returns how many products it created.
 */
export async function seedDemoCatalog(
  db: Db,
  tenantId: string,
  storage: Storage = storageFor(loadConfig()),
): Promise<number> {
  const existing = await withTenant(db, tenantId, async (tx) =>
    (
      await tx
        .selectFrom('core__sku')
        .select('code')
        .where('tenant_id', '=', tenantId)
        .where('code', 'like', '%-01')
        .execute()
    ).map((r) => r.code),
  )
  const todo = DEMO_PRODUCTS.filter((p) => !existing.includes(`${p.code}-01`))
  // Rendered and thumbnailed before the transaction opens: PGlite has one connection, and this is
  // the slow part.
  const images = await Promise.all(
    todo.map(async (product) => prepareImage(await renderDemoImage(product))),
  )
  return withTenant(db, tenantId, async (tx) => {
    const categories = await ensureCategories(tx, tenantId)
    const scope = { db: tx, tenant: { id: tenantId } }
    for (const [i, product] of todo.entries()) {
      const image = await storeImage(tx, tenantId, storage, images[i]!, { alt: product.en })
      const id = await saveProduct(
        scope,
        demoInput(product, categories[product.category], image.id),
      )
      // Spaced a minute apart in list order, so "newest" shows the same order on every seed.
      const order = DEMO_PRODUCTS.indexOf(product)
      await tx
        .updateTable('core__product')
        .set({
          sales_count: stable(`${product.code}:sales`, 3000),
          created_at: sql<Date>`now() - make_interval(mins => ${order})`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute()
    }
    return todo.length
  })
}
