import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  readJson,
  seedAddress,
  seedCustomers,
  seedSku,
} from '../../../core/src/commerce/orders/testing.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { discoverPlugins } from '../../../core/src/plugins/discover.ts'
import { membershipMall, type MembershipMall } from './support.ts'

/**
 * A top-up is sold at face value: a coupon on it would sell stored value below its value, so an
 * order of a top-up that a coupon discounts is refused, and the same order without the coupon is
 * placed. Coupons is booted as the core finds it, from the plugins folder.
 */
let m: MembershipMall
let packSku: string

beforeAll(async () => {
  const coupons = (await discoverPlugins()).find((plugin) => plugin.manifest.id === 'coupons')
  if (!coupons) throw new Error('the coupons plugin is not installed')
  m = await membershipMall('top-up-coupon', { extra: [coupons] })
  ;({ skuId: packSku } = await seedSku(m.core.services, m.mall.id, { stock: 100, price: 50_000 }))
  const pack = await m.owner.post(m.admin('/top-up-packages'), {
    name: '充500送50',
    amount: 50_000,
    bonus: 5_000,
    skuId: packSku,
  })
  expect(pack.status, await pack.clone().text()).toBe(201)
}, 120_000)
afterAll(() => m?.close())

it('refuses a top-up a coupon discounts, writing nothing, and places it without the coupon', async () => {
  const template = await m.owner.post(`/s/${m.mall.slug}/api/admin/p/coupons/templates`, {
    name: '¥10 off',
    benefit: { kind: 'amount_off', amount: 1_000 },
    validity: { kind: 'relative', days: 7 },
    status: 'live',
  })
  expect(template.status, await template.clone().text()).toBe(201)
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  const addressId = await seedAddress(m.core.services, m.mall.id, c!.id)
  const shopper = m.shopper(c!.cookie)
  const claimed = await shopper.post(
    `/s/${m.mall.slug}/api/store/p/coupons/offers/${(await readJson(template)).id}/claim`,
    {},
    { 'idempotency-key': randomUUID() },
  )
  expect(claimed.status, await claimed.clone().text()).toBe(201)
  const checkout = (selections: Record<string, unknown>) =>
    shopper.post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [{ skuId: packSku, quantity: 1 }],
        delivery: { method: 'delivery', addressId },
        selections,
      },
      { 'idempotency-key': randomUUID() },
    )

  // Nothing chosen: the coupons plugin picks the best coupon, and membership refuses the order.
  const refused = await checkout({})
  expect(refused.status).toBe(409)
  expect(await readJson(refused)).toMatchObject({
    code: 'membership:top_up_alone',
    errors: [{ field: 'body.selections' }],
  })
  const orders = await withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx.selectFrom('core__order').select('id').where('customer_id', '=', c!.id).execute(),
  )
  expect(orders).toEqual([])
  expect(await m.rows('membership__top_up')).toEqual([])

  const placed = await checkout({ coupons: { couponId: null } })
  expect(placed.status, await placed.clone().text()).toBe(201)
  expect(await readJson(placed)).toMatchObject({ total: 50_000, discountTotal: 0 })
})
