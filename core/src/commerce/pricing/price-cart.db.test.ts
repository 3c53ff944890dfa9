import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { definePlugin, definePluginServer } from '../../plugins/index.ts'
import { readJson, seedCustomers, seedSku } from '../orders/testing.ts'

const reason = (en: string) => ({ en, 'zh-CN': en })
const stagesSeen: string[] = []

/** A coupon of ¥10 off the order, plus adjustments that break the contract and must be dropped. */
const coupons = definePluginServer(
  definePlugin({
    id: 'checkout-coupons',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: reason('Coupons'),
    settings: z.object({}),
  }),
  {
    adjusters: [
      {
        name: 'stored-value',
        stage: 'stored-value',
        adjust: async () => {
          stagesSeen.push('stored-value')
          return [
            { code: 'bad-positive', amount: 500, reason: reason('would raise the price') },
            { code: 'bad-fraction', amount: -0.5, reason: reason('not whole') },
            { code: 'bad-line', amount: -100, reason: reason('no such line'), lineId: 'nope' },
          ]
        },
      },
      {
        name: 'coupon',
        stage: 'coupon',
        adjust: async () => {
          stagesSeen.push('coupon')
          return [{ code: 'coupon-10', amount: -1000, reason: reason('¥10 off') }]
        },
      },
    ],
  },
)

describe('checkout pricing', () => {
  let core: TestCore
  let mall: TestMall
  let shopper: TestClient

  beforeAll(async () => {
    core = await createTestCore({ plugins: [coupons] })
    mall = await core.createMall('priced')
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    await owner.put('/s/priced/api/admin/plugins/checkout-coupons', { enabled: true, settings: {} })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    shopper = core.client(mall.host)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
  })
  afterAll(() => core.close())

  it('allocates the order discount to lines by largest remainder and stores the explanation', async () => {
    const skus = [
      (await seedSku(core.services, mall.id, { stock: 9, price: 1000 })).skuId,
      (await seedSku(core.services, mall.id, { stock: 9, price: 1000 })).skuId,
      (await seedSku(core.services, mall.id, { stock: 9, price: 1000 })).skuId,
    ]
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    const point = await readJson(
      await owner.post('/s/priced/api/admin/pickup-points', { name: '店', address: '广州' }),
    )
    const response = await shopper.post(
      '/api/store/checkout',
      {
        items: skus.map((skuId) => ({ skuId, quantity: 1 })),
        delivery: { method: 'pickup', pickupPointId: point.id },
      },
      { 'idempotency-key': 'coupon-order' },
    )
    expect(response.status).toBe(201)
    const order = await readJson(response)
    expect(stagesSeen).toEqual(['coupon', 'stored-value'])
    expect(order).toMatchObject({ subtotal: 3000, discountTotal: 1000, total: 2000 })
    // 1000 over three equal lines: 333 each, the one unit left to the first (ties by line order).
    expect(order.lines.map((l: { discount: number }) => l.discount)).toEqual([334, 333, 333])
    expect(order.lines.map((l: { total: number }) => l.total)).toEqual([666, 667, 667])
    expect(order.adjustments).toEqual([
      { code: 'coupon-10', amount: -1000, reason: reason('¥10 off') },
    ])
  })
})
