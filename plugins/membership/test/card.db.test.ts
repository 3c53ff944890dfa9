import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readJson,
  seedAddress,
  seedCustomers,
  seedSku,
} from '../../../core/src/commerce/orders/testing.ts'
import { priceCart } from '../../../core/src/commerce/pricing/price-cart.ts'
import { remindExpiringCards } from '../src/server/card.ts'
import { membershipMall, type MembershipMall } from './support.ts'

const DAY = 86_400_000

let m: MembershipMall
let cardSku: string

beforeAll(async () => {
  m = await membershipMall('member-card')
  cardSku = (await seedSku(m.core.services, m.mall.id, { stock: 100, price: 1_990 })).skuId
  await m.settings({
    card: { enabled: true, plans: [{ id: 'monthly', days: 31, skuId: cardSku }] },
  })
}, 120_000)
afterAll(() => m?.close())

async function buyer() {
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  const addressId = await seedAddress(m.core.services, m.mall.id, c!.id)
  return { id: c!.id, client: m.shopper(c!.cookie), addressId }
}

const admin = (path: string) => `/s/${m.mall.slug}/api/admin${path}`

describe('paid member card', () => {
  it('gives a one-time trial whose discount comes on top of the tier', async () => {
    const c = await buyer()
    const before = await readJson(await c.client.get(m.store('/card')))
    expect(before).toEqual({ active: false, validUntil: null, trialAvailable: true })
    const trial = await c.client.post(m.store('/card/trial'))
    expect(trial.status).toBe(201)
    const started = await readJson(trial)
    expect(started.active).toBe(true)
    expect(Date.parse(started.validUntil)).toBe(m.core.clock.now().getTime() + 7 * DAY)
    const again = await c.client.post(m.store('/card/trial'))
    expect([again.status, (await readJson(again)).code]).toEqual([409, 'membership:card_refused'])

    const priced = await m.run((ctx) =>
      priceCart(ctx, m.core.services.plugins, {
        currency: 'CNY',
        customerId: c.id,
        lines: [{ id: 'l1', skuId: cardSku, quantity: 1, unitPrice: 10_000 }],
      }),
    )
    expect(priced.lines[0]?.adjustments).toEqual([
      expect.objectContaining({
        code: 'member-card',
        amount: -500,
        reason: { en: 'Member card: 5% off', 'zh-CN': '会员卡：95折' },
      }),
    ])
  })

  it('is bought through checkout, renewed on top, shortened by a refund, and reminds once before it ends', async () => {
    const c = await buyer()
    const order = async (key: string) => {
      const placed = await c.client.post(
        `/s/${m.mall.slug}/api/store/checkout`,
        {
          items: [{ skuId: cardSku, quantity: 1 }],
          delivery: { method: 'delivery', addressId: c.addressId },
        },
        { 'idempotency-key': key },
      )
      expect(placed.status, await placed.clone().text()).toBe(201)
      const body = await readJson(placed)
      const paid = await m.owner.post(admin(`/orders/${body.id}/payments/manual`), {
        amount: body.total,
        reference: key,
      })
      expect(paid.status).toBe(201)
      await m.core.worker.drain()
      return body as { id: string; total: number }
    }
    const start = m.core.clock.now().getTime()
    await order('card-1')
    const first = await readJson(await c.client.get(m.store('/card')))
    expect(first).toMatchObject({ active: true, trialAvailable: false })
    expect(Date.parse(first.validUntil)).toBe(start + 31 * DAY)

    m.core.clock.advance(DAY)
    const renewal = await order('card-2')
    expect(Date.parse((await readJson(await c.client.get(m.store('/card')))).validUntil)).toBe(
      start + 62 * DAY,
    )
    const refund = await m.owner.post(
      admin(`/orders/${renewal.id}/refunds`),
      { amount: renewal.total, reason: 'changed mind' },
      { 'idempotency-key': 'card-refund' },
    )
    expect(refund.status).toBe(201)
    await m.core.worker.drain()
    expect(Date.parse((await readJson(await c.client.get(m.store('/card')))).validUntil)).toBe(
      start + 31 * DAY,
    )

    m.core.clock.set(new Date(start + 27 * DAY))
    const remind = () => m.run(remindExpiringCards)
    expect(await remind()).toBe(0)
    m.core.clock.set(new Date(start + 28 * DAY + 60_000))
    expect(await remind()).toBe(1)
    expect(await remind()).toBe(0)
    m.core.clock.set(new Date(start + 31 * DAY + 60_000))
    expect((await readJson(await c.client.get(m.store('/card')))).active).toBe(false)
  })
})
