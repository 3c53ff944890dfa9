import { randomUUID } from 'node:crypto'
import type { TestCore, TestMall } from '../../../../test/app.ts'
import { withTenant } from '../../../db/tenant-scope.ts'
import { seedSku } from '../../orders/testing.ts'

/** An order awaiting payment, made with SQL the way checkout leaves one (for payment tests). */
export interface SeededOrder {
  orderId: string
  skuId: string
  total: number
}

/**
 * Inserts a product with one SKU, and an order of `quantity` units of it for `customerId` with
 * the stock held by a reservation (taken off the SKU's stock, as checkout does).
 */
export async function seedOrder(
  core: TestCore,
  mall: TestMall,
  customerId: string,
  options: { unitPrice?: number; quantity?: number; stock?: number } = {},
): Promise<SeededOrder> {
  const unitPrice = options.unitPrice ?? 12_345
  const quantity = options.quantity ?? 1
  const total = unitPrice * quantity
  // The SKU is seeded with the held units already off its stock, as checkout leaves it.
  const { productId, skuId } = await seedSku(core.services, mall.id, {
    price: unitPrice,
    stock: (options.stock ?? 10) - quantity,
    weightGrams: 100,
  })
  return withTenant(core.services.db, mall.id, async (tx) => {
    const order = await tx
      .insertInto('core__order')
      .values({
        tenant_id: mall.id,
        number: `T-${randomUUID().slice(0, 12)}`,
        customer_id: customerId,
        status: 'pending_payment',
        currency: 'CNY',
        subtotal: total,
        total,
        adjustments: JSON.stringify([]),
        delivery: JSON.stringify({ method: 'pickup' }),
        idempotency_key: randomUUID(),
        request_hash: 'seeded',
        expires_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('core__order_line')
      .values({
        tenant_id: mall.id,
        order_id: order.id,
        sku_id: skuId,
        product_id: productId,
        title: JSON.stringify({ 'zh-CN': '手机', en: 'Phone' }),
        spec: JSON.stringify({}),
        image_media_id: null,
        quantity,
        unit_price: unitPrice,
        subtotal: total,
        total,
        after_sales: JSON.stringify({ returnable7d: true, exclusion: null }),
      })
      .execute()
    await tx
      .insertInto('core__stock_reservation')
      .values({ tenant_id: mall.id, order_id: order.id, sku_id: skuId, quantity })
      .execute()
    return { orderId: order.id, skuId, total }
  })
}

/** Everything a payment notification or refund could move for one order, read straight from SQL. */
export async function orderState(core: TestCore, mall: TestMall, orderId: string) {
  return withTenant(core.services.db, mall.id, async (tx) => ({
    order: await tx
      .selectFrom('core__order')
      .select(['status', 'paid_at', 'cancelled_at'])
      .where('tenant_id', '=', mall.id)
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow(),
    payments: await tx
      .selectFrom('core__payment')
      .select(['id', 'provider', 'status', 'amount', 'provider_ref', 'succeeded_at'])
      .where('tenant_id', '=', mall.id)
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute(),
    notifications: await tx
      .selectFrom('core__payment_notification')
      .innerJoin('core__payment', (j) =>
        j
          .onRef('core__payment.id', '=', 'core__payment_notification.payment_id')
          .onRef('core__payment.tenant_id', '=', 'core__payment_notification.tenant_id'),
      )
      .select(['core__payment_notification.notification_id', 'core__payment_notification.provider'])
      .where('core__payment.order_id', '=', orderId)
      .orderBy('core__payment_notification.notification_id')
      .execute(),
    transitions: await tx
      .selectFrom('core__order_transition')
      .select(['from_status', 'to_status'])
      .where('tenant_id', '=', mall.id)
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute(),
    reservations: await tx
      .selectFrom('core__stock_reservation')
      .select(['sku_id', 'status', 'quantity'])
      .where('tenant_id', '=', mall.id)
      .where('order_id', '=', orderId)
      .execute(),
    refunds: await tx
      .selectFrom('core__refund')
      .select(['amount', 'status'])
      .where('tenant_id', '=', mall.id)
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute(),
  }))
}

/** Registers a shopper in the mall on its own host; returns the logged-in client and the id. */
export async function registerShopper(core: TestCore, mall: TestMall, email: string) {
  const client = core.client(mall.host)
  const response = await client.post('/api/store/auth/register', {
    email,
    name: 'Shopper',
    password: 'shopper-password-1',
  })
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${await response.text()}`)
  const { id } = (await response.json()) as { id: string }
  return { client, customerId: id }
}
