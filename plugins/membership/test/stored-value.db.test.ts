import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readJson,
  seedAddress,
  seedCustomers,
  seedSku,
} from '../../../core/src/commerce/orders/testing.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { post } from '../src/server/ledger.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall
const SHIPPING = 800

beforeAll(async () => {
  m = await membershipMall('stored-value')
  const template = await m.owner.post(`/s/${m.mall.slug}/api/admin/shipping-templates`, {
    name: 'Everywhere',
    basis: 'piece',
    rules: [{ regions: ['*'], first: 1, firstFee: SHIPPING, additional: 1, additionalFee: 0 }],
    isDefault: true,
  })
  expect(template.status, await template.clone().text()).toBe(201)
}, 120_000)
afterAll(() => m?.close())

async function buyerWith(funds: { balance?: number; points?: number }) {
  const [customer] = await seedCustomers(m.core.services, m.mall.id, 1)
  const addressId = await seedAddress(m.core.services, m.mall.id, customer!.id)
  await m.run(async (ctx) => {
    if (funds.balance)
      await post(ctx, 'balance', {
        customerId: customer!.id,
        kind: 'adjust',
        delta: funds.balance,
        key: 'gift',
      })
    if (funds.points)
      await post(ctx, 'points', {
        customerId: customer!.id,
        kind: 'adjust',
        delta: funds.points,
        key: 'gift',
      })
  })
  const client = m.shopper(customer!.cookie)
  const checkout = (skuId: string, selections: unknown, key: string) =>
    client.post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [{ skuId, quantity: 1 }],
        delivery: { method: 'delivery', addressId },
        selections: { membership: selections },
      },
      { 'idempotency-key': key },
    )
  return { id: customer!.id, client, checkout }
}

const account = async (customerId: string) =>
  (await m.rows('membership__account')).find((a) => a.customer_id === customerId)

const refund = (orderId: string, amount: number, key: string) =>
  m.owner.post(
    `/s/${m.mall.slug}/api/admin/orders/${orderId}/refunds`,
    { amount, reason: 'test' },
    { 'idempotency-key': key },
  )

const orderStatus = (orderId: string) =>
  withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx
      .selectFrom('core__order')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow(),
  ).then((row) => row.status)

describe('paying with the balance alone', () => {
  it('pays a whole order, shipping included, from the balance; refunds give back what it took', async () => {
    const buyer = await buyerWith({ balance: 30_000 })
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 5, price: 20_000 })
    const placed = await buyer.checkout(skuId, { storedValue: 30_000 }, 'all-balance')
    expect(placed.status, await placed.clone().text()).toBe(201)
    const order = await readJson(placed)
    expect([order.total, order.status, order.shippingFee]).toEqual([0, 'paid', 0])
    expect(order.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'stored-value', amount: -20_000 }),
        expect.objectContaining({ code: 'stored-value-shipping', amount: -SHIPPING }),
      ]),
    )
    expect((await account(buyer.id))?.balance).toBe(30_000 - 20_000 - SHIPPING)

    // Half of what the balance paid, then the rest: the balance gets it back, nothing more.
    expect((await refund(order.id, 10_400, 'half')).status).toBe(201)
    await m.core.worker.drain()
    expect((await account(buyer.id))?.balance).toBe(30_000 - 10_400)
    expect((await refund(order.id, 10_400, 'rest')).status).toBe(201)
    await m.core.worker.drain()
    expect((await account(buyer.id))?.balance).toBe(30_000)
    expect(await orderStatus(order.id)).toBe('cancelled')
    const returned = (await m.rows('membership__balance_entry')).filter(
      (e) => e.order_id === order.id && e.kind === 'return',
    )
    expect(returned.map((e) => e.delta)).toEqual([10_400, 10_400])
  })

  it('pays a whole order with points and balance together; a full refund returns both', async () => {
    const buyer = await buyerWith({ balance: 20_000, points: 5_000 })
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 5, price: 10_000 })
    const placed = await buyer.checkout(skuId, { points: 5_000, storedValue: 20_000 }, 'mix')
    const order = await readJson(placed)
    expect([order.total, order.status]).toEqual([0, 'paid'])
    // Points are capped at half the goods (¥50 = 5,000 points); the balance pays the rest.
    expect(await account(buyer.id)).toMatchObject({
      points: 0,
      balance: 20_000 - 5_000 - SHIPPING,
    })
    expect((await refund(order.id, 5_000 + SHIPPING, 'all')).status).toBe(201)
    await m.core.worker.drain()
    expect(await account(buyer.id)).toMatchObject({ points: 5_000, balance: 20_000 })
  })

  it('never lets concurrent orders take the same balance twice', async () => {
    const buyer = await buyerWith({ balance: 25_000 })
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 20, price: 10_000 })
    const each = 10_000 + SHIPPING
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        buyer.checkout(skuId, { storedValue: each }, `race-${i}`),
      ),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(Math.floor(25_000 / each))
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true)
    for (const answer of answers.filter((a) => a.status === 201))
      expect((await readJson(answer)).status).toBe('paid')
    expect((await account(buyer.id))?.balance).toBe(25_000 - 2 * each)
    const entries = (await m.rows('membership__balance_entry')).filter(
      (e) => e.customer_id === buyer.id,
    )
    expect(entries.reduce((sum, e) => sum + Number(e.delta), 0)).toBe(25_000 - 2 * each)
    expect(entries.every((e) => Number(e.balance) >= 0)).toBe(true)
  })
})
