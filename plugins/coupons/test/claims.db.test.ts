import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../core/test/app.ts'
import { seedAddress, seedCustomers, seedSku } from '../../../core/src/commerce/orders/testing.ts'
import { placeAdjustments, priceCart } from '../../../core/src/commerce/pricing/price-cart.ts'
import { runInMall } from '../../../core/src/mall-context.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import coupons from '../src/server/index.ts'
import type { CouponTables } from '../src/server/tables.ts'

let core: TestCore
let mall: TestMall
let owner: TestClient

const admin = (path: string) => `/s/${mall.slug}/api/admin/p/coupons${path}`
const store = (path: string) => `/s/${mall.slug}/api/store/p/coupons${path}`

/** A client signed in as a seeded customer of the mall. */
function shopper(cookie: string) {
  const client = core.client()
  const [name, value] = cookie.split('=') as [string, string]
  client.cookies.set(name, value)
  return client
}

async function createCoupon(body: Record<string, unknown>) {
  const response = await owner.post(admin('/templates'), {
    name: '¥20 off from ¥199',
    benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 },
    validity: { kind: 'relative', days: 7 },
    status: 'live',
    ...body,
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as { id: string }
}

const rows = (table: keyof CouponTables) =>
  withTenant(core.services.db, mall.id, (tx) =>
    tx.withTables<CouponTables>().selectFrom(table).selectAll().execute(),
  )

beforeAll(async () => {
  core = await createTestCore({ plugins: [coupons] })
  mall = await core.createMall('coupons')
  owner = core.client()
  await owner.loginStaff(mall.ownerEmail)
  const on = await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: true })
  expect(on.status).toBe(200)
}, 120_000)
afterAll(() => core?.close())

describe('claims under concurrency', () => {
  it('gives exactly 100 coupons to 1,000 customers claiming a coupon of quantity 100 at once', async () => {
    const { id } = await createCoupon({ totalQuantity: 100 })
    const customers = await seedCustomers(core.services, mall.id, 1000)
    const responses = await Promise.all(
      customers.map((c, i) =>
        shopper(c.cookie).post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': `k${i}` }),
      ),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(100)
    expect(statuses.filter((s) => s === 409)).toHaveLength(900)
    const refused = (await responses.find((r) => r.status === 409)?.json()) as { code: string }
    expect(refused.code).toBe('coupons:sold_out')
    const issued = (await rows('coupons__coupon')).filter((r) => r.template_id === id)
    expect(issued).toHaveLength(100)
    expect(new Set(issued.map((r) => r.customer_id)).size).toBe(100)
    const template = (await rows('coupons__template')).find((r) => r.id === id)
    expect(template?.issued).toBe(100)
  }, 300_000)

  it('holds the per-customer limit when one customer fires 20 claims at once', async () => {
    const { id } = await createCoupon({ totalQuantity: 1000, perCustomerLimit: 3 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const client = shopper(customer!.cookie)
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': `burst-${i}` }),
      ),
    )
    expect(responses.filter((r) => r.status === 201)).toHaveLength(3)
    const codes = await Promise.all(
      responses
        .filter((r) => r.status !== 201)
        .map(async (r) => ((await r.json()) as { code: string }).code),
    )
    expect(new Set(codes)).toEqual(new Set(['coupons:limit_reached']))
    const mine = (await rows('coupons__coupon')).filter((r) => r.template_id === id)
    expect(mine.map((r) => r.claim_no).sort()).toEqual([1, 2, 3])
  }, 120_000)

  it('returns the same coupon once for a repeated Idempotency-Key, also when sent at once', async () => {
    const { id } = await createCoupon({ totalQuantity: 10, perCustomerLimit: 5 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const client = shopper(customer!.cookie)
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': 'same-tap' }),
      ),
    )
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
    const ids = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { id: string }).id),
    )
    expect(new Set(ids).size).toBe(1)
    expect((await rows('coupons__coupon')).filter((r) => r.template_id === id)).toHaveLength(1)
    expect((await rows('coupons__template')).find((r) => r.id === id)?.issued).toBe(1)
  }, 60_000)
})

describe('checkout', () => {
  it('prices the best coupon per line, locks it at placement, refuses a second order, releases on cancel', async () => {
    const { id } = await createCoupon({ totalQuantity: 10 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const client = shopper(customer!.cookie)
    expect(
      (await client.post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': 'c1' })).status,
    ).toBe(201)
    const a = await seedSku(core.services, mall.id, { stock: 9, price: 15000 })
    const b = await seedSku(core.services, mall.id, { stock: 9, price: 5000 })
    const items = [
      { skuId: a.skuId, quantity: 1 },
      { skuId: b.skuId, quantity: 1 },
    ]

    const offers = await client.post(store('/cart-offers'), { items })
    expect(offers.status).toBe(200)
    const body = (await offers.json()) as { bestCouponId: string; applicable: { saving: number }[] }
    expect(body.applicable[0]?.saving).toBe(2000)
    const short = await client.post(store('/cart-offers'), { items: items.slice(1) })
    expect(await short.json()).toMatchObject({
      applicable: [],
      inapplicable: [{ reason: 'threshold_not_met', shortBy: 14900 }],
      bestCouponId: null,
    })

    const tenant = await core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', mall.id)
      .executeTakeFirstOrThrow()
    const scope = { tenant, actor: { kind: 'customer' as const, id: customer!.id } }
    const lines = [
      { id: 'la', skuId: a.skuId, quantity: 1, unitPrice: 15000 },
      { id: 'lb', skuId: b.skuId, quantity: 1, unitPrice: 5000 },
    ]
    const orderId = crypto.randomUUID()
    await runInMall(core.services, scope, async (ctx) => {
      const priced = await priceCart(ctx, core.services.plugins, { currency: 'CNY', lines })
      expect(priced.total).toBe(18000)
      expect(priced.lines.map((l) => l.discount)).toEqual([1500, 500])
      expect(priced.lines[0]?.adjustments[0]).toMatchObject({
        code: 'coupon',
        ref: body.bestCouponId,
      })
      await placeAdjustments(ctx, priced, { orderId, customerId: customer!.id })
    })
    const locked = (await rows('coupons__coupon')).find((r) => r.id === body.bestCouponId)
    expect(locked).toMatchObject({ status: 'locked', order_id: orderId, discount: 2000 })

    // A second order choosing the same coupon is refused once the first has it.
    const second = runInMall(core.services, scope, async (ctx) => {
      const priced = await priceCart(ctx, core.services.plugins, {
        currency: 'CNY',
        lines,
        selections: { coupons: { couponId: body.bestCouponId } },
      })
      await placeAdjustments(ctx, priced, {
        orderId: crypto.randomUUID(),
        customerId: customer!.id,
      })
    })
    await expect(second).rejects.toMatchObject({ problemCode: 'coupons:not_usable' })

    await runInMall(core.services, { tenant, actor: { kind: 'system' } }, (ctx) =>
      ctx.emit('order.cancelled', {
        orderId,
        number: 'x',
        customerId: customer!.id,
        total: 18000,
        currency: 'CNY',
        reason: 'test',
      }),
    )
    const released = (await rows('coupons__coupon')).find((r) => r.id === body.bestCouponId)
    expect(released).toMatchObject({ status: 'available', order_id: null })
    const ledger = (await rows('coupons__ledger')).filter((r) => r.coupon_id === body.bestCouponId)
    expect(ledger.map((r) => r.action)).toEqual(['issued', 'locked', 'released'])
  }, 60_000)

  it('lets only one of 10 orders placed at once use the same coupon', async () => {
    const { id } = await createCoupon({ name: 'One order only', totalQuantity: 5 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const client = shopper(customer!.cookie)
    const claimed = await client.post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': 'k1' })
    expect(claimed.status).toBe(201)
    const couponId = ((await claimed.json()) as { id: string }).id
    const addressId = await seedAddress(core.services, mall.id, customer!.id)
    const { skuId } = await seedSku(core.services, mall.id, { stock: 50, price: 25_000 })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.post(
          `/s/${mall.slug}/api/store/checkout`,
          {
            items: [{ skuId, quantity: 1 }],
            delivery: { method: 'delivery', addressId },
            selections: { coupons: { couponId } },
          },
          { 'idempotency-key': `race-${i}` },
        ),
      ),
    )
    const placed = answers.filter((r) => r.status === 201)
    expect(placed).toHaveLength(1)
    for (const refused of answers.filter((r) => r.status !== 201)) {
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
    }
    expect(((await placed[0]!.json()) as { discountTotal: number }).discountTotal).toBe(2000)
    const coupon = (await rows('coupons__coupon')).find((r) => r.id === couponId)
    expect(coupon).toMatchObject({ status: 'locked' })
  })

  it("keeps an order's recorded coupon discount once the plugin is turned off", async () => {
    const { id } = await createCoupon({ name: 'Kept after disabling', totalQuantity: 5 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const client = shopper(customer!.cookie)
    const claimed = await client.post(store(`/offers/${id}/claim`), {}, { 'idempotency-key': 'k1' })
    expect(claimed.status).toBe(201)
    const addressId = await seedAddress(core.services, mall.id, customer!.id)
    const { skuId } = await seedSku(core.services, mall.id, { stock: 5, price: 25_000 })
    const placed = await client.post(
      `/s/${mall.slug}/api/store/checkout`,
      { items: [{ skuId, quantity: 1 }], delivery: { method: 'delivery', addressId } },
      { 'idempotency-key': 'order-1' },
    )
    expect(placed.status, await placed.clone().text()).toBe(201)
    const order = (await placed.json()) as { id: string; discountTotal: number; total: number }
    expect(order.discountTotal).toBe(2000)

    const off = await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: false })
    expect(off.status).toBe(200)
    try {
      const mine = await client.get(`/s/${mall.slug}/api/store/orders/${order.id}`)
      const staffView = await owner.get(`/s/${mall.slug}/api/admin/orders/${order.id}`)
      for (const seen of [mine, staffView]) {
        expect(seen.status).toBe(200)
        const body = (await seen.json()) as {
          discountTotal: number
          total: number
          adjustments: { code: string; amount: number }[]
        }
        expect(body).toMatchObject({ discountTotal: 2000, total: order.total })
        // The explanation stays too: the coupon's adjustments sum to the discount.
        const coupon = body.adjustments.filter((a) => a.code === 'coupon')
        expect(coupon.reduce((sum, a) => sum + a.amount, 0)).toBe(-2000)
      }
      expect((await client.get(store('/mine'))).status).toBe(404)
    } finally {
      const on = await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: true })
      expect(on.status).toBe(200)
    }
  })

  it('answers 404 on every route while the plugin is off', async () => {
    const other = await core.createMall('coupons-off')
    const staff = core.client()
    await staff.loginStaff(other.ownerEmail)
    expect((await staff.get('/s/coupons-off/api/admin/p/coupons/templates')).status).toBe(404)
    const bad = await staff.post('/s/coupons-off/api/admin/p/coupons/templates', { name: 5 })
    expect(bad.status).toBe(404)
    expect((await core.client().get('/s/coupons-off/api/store/p/coupons/offers')).status).toBe(404)
  })
})
