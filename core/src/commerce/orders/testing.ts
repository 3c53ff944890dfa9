import { randomUUID } from 'node:crypto'
import { sessionCookie } from '../../auth/index.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import type { CoreServices } from '../../services.ts'

/**
 * Test and benchmark fixtures for checkout: an active product with one SKU, and customers with
 * live sessions, written straight to the database (the catalog and auth have their own tests).
 */
export async function seedSku(
  services: CoreServices,
  tenantId: string,
  options: { stock: number; price: number; weightGrams?: number; title?: string },
): Promise<{ productId: string; skuId: string }> {
  return withTenant(services.db, tenantId, async (tx) => {
    const product = await tx
      .insertInto('core__product')
      .values({
        tenant_id: tenantId,
        status: 'active',
        title: JSON.stringify({ en: options.title ?? 'Phone', 'zh-CN': '手机' }),
        subtitle: '{}',
        description_html: '{}',
        spec_options: '[]',
        after_sales: JSON.stringify({ returnable7d: true, exclusion: null }),
        tags: [],
        price_min: options.price,
        price_max: options.price,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const sku = await tx
      .insertInto('core__sku')
      .values({
        tenant_id: tenantId,
        product_id: product.id,
        spec: JSON.stringify({ 颜色: '黑' }),
        price: options.price,
        stock: options.stock,
        weight_grams: options.weightGrams ?? 200,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { productId: product.id, skuId: sku.id }
  })
}

/** A signed-in customer: its id and the `Cookie` header value carrying its session. */
export interface SeededCustomer {
  id: string
  cookie: string
}

/** Creates `count` customers of the mall (they cannot log in by password) with one session each. */
export async function seedCustomers(
  services: CoreServices,
  tenantId: string,
  count: number,
): Promise<SeededCustomer[]> {
  const ids = Array.from({ length: count }, () => randomUUID())
  await withTenant(services.db, tenantId, async (tx) => {
    for (let i = 0; i < ids.length; i += 500)
      await tx
        .insertInto('core__customer')
        .values(
          ids.slice(i, i + 500).map((id) => ({
            tenant_id: tenantId,
            id,
            email: `buyer-${id}@example.test`,
            name: 'Buyer',
            password_hash: '!seeded',
          })),
        )
        .execute()
  })
  const cookieName = sessionCookie(services.config, 'customer', tenantId).name
  const realm = services.customerAuth(tenantId)
  const customers: SeededCustomer[] = []
  for (const id of ids) {
    const { token } = await realm.createSession(id)
    customers.push({ id, cookie: `${cookieName}=${token}` })
  }
  return customers
}

/** A Chinese delivery address for the customer, for checkouts that ship. */
export async function seedAddress(
  services: CoreServices,
  tenantId: string,
  customerId: string,
): Promise<string> {
  return withTenant(services.db, tenantId, async (tx) => {
    const row = await tx
      .insertInto('core__address')
      .values({
        tenant_id: tenantId,
        customer_id: customerId,
        recipient: '张三',
        phone: '13800138000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        line1: '文三路 1 号',
        is_default: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

/** The JSON body of a test response, untyped on purpose: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJson = (response: Response): Promise<any> => response.json()
