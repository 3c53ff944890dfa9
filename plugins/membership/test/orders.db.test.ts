import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readJson,
  seedAddress,
  seedCustomers,
  seedSku,
} from '../../../core/src/commerce/orders/testing.ts'
import { priceCart } from '../../../core/src/commerce/pricing/price-cart.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { defineHook, definePlugin, definePluginServer } from '../../../core/src/plugins/index.ts'
import '../src/events.ts'
import { post } from '../src/server/ledger.ts'
import { evaluateTier } from '../src/server/tiers.ts'
import { membershipMall, type MembershipMall } from './support.ts'

const DAY = 86_400_000

/** Records the membership events it sees in the audit log, to prove they are emitted. */
const watch = definePluginServer(
  definePlugin({
    id: 'member-watch',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Member watch', 'zh-CN': '会员观察' },
    settings: z.object({}),
  }),
  {
    hooks: (['membership.tier-changed', 'membership.points-changed'] as const).map((event) =>
      defineHook({
        event,
        name: event,
        mode: 'inline',
        handle: (ctx, e) => ctx.audit(`watch.${event}`, null, { ...e.payload }),
      }),
    ),
  },
)

let m: MembershipMall

beforeAll(async () => {
  m = await membershipMall('member-orders', { extra: [watch] })
}, 120_000)
afterAll(() => m?.close())

async function shopperWithAddress() {
  const [customer] = await seedCustomers(m.core.services, m.mall.id, 1)
  const addressId = await seedAddress(m.core.services, m.mall.id, customer!.id)
  return { id: customer!.id, client: m.shopper(customer!.cookie), addressId }
}

const account = async (customerId: string) =>
  (await m.rows('membership__account')).find((a) => a.customer_id === customerId)

const watched = (action: string) =>
  withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx
      .selectFrom('core__audit_log')
      .select('data')
      .where('action', '=', `watch.${action}`)
      .orderBy('created_at')
      .execute(),
  )

const admin = (path: string) => `/s/${m.mall.slug}/api/admin${path}`

describe('membership at checkout', () => {
  it('pays part of an order with points and part with balance; a full refund returns both', async () => {
    const buyer = await shopperWithAddress()
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 10, price: 20_000 })
    await m.run(async (ctx) => {
      await post(ctx, 'points', { customerId: buyer.id, kind: 'adjust', delta: 2_500, key: 'gift' })
      await post(ctx, 'balance', {
        customerId: buyer.id,
        kind: 'adjust',
        delta: 10_000,
        key: 'gift',
      })
    })
    const checkout = (selections: unknown, key: string) =>
      buyer.client.post(
        `/s/${m.mall.slug}/api/store/checkout`,
        {
          items: [{ skuId, quantity: 1 }],
          delivery: { method: 'delivery', addressId: buyer.addressId },
          selections: { membership: selections },
        },
        { 'idempotency-key': key },
      )

    const greedy = await checkout({ points: 9_999 }, 'greedy')
    expect(greedy.status).toBe(409)
    expect(await readJson(greedy)).toMatchObject({
      code: 'membership:insufficient_points',
      errors: [{ field: 'body.selections.membership.points' }],
    })
    const bad = await checkout({ storedValue: -5 }, 'bad')
    expect(bad.status).toBe(422)
    expect((await readJson(bad)).errors[0].field).toBe('body.selections.membership.storedValue')

    const placed = await checkout({ points: 2_000, storedValue: 5_000 }, 'both')
    expect(placed.status, await placed.clone().text()).toBe(201)
    const order = await readJson(placed)
    expect(order.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'points', amount: -2_000 }),
        expect.objectContaining({ code: 'stored-value', amount: -5_000 }),
      ]),
    )
    expect(order.total).toBe(20_000 - 2_000 - 5_000 + order.shippingFee)
    expect(await account(buyer.id)).toMatchObject({ points: 500, balance: 5_000 })

    const paid = await m.owner.post(admin(`/orders/${order.id}/payments/manual`), {
      amount: order.total,
      reference: 'BANK-1',
    })
    expect(paid.status, await paid.clone().text()).toBe(201)
    const refund = await m.owner.post(
      admin(`/orders/${order.id}/refunds`),
      { amount: order.total, reason: 'changed mind' },
      { 'idempotency-key': 'refund-all' },
    )
    expect(refund.status, await refund.clone().text()).toBe(201)
    await m.core.worker.drain()
    expect(await account(buyer.id)).toMatchObject({ points: 2_500, balance: 10_000 })
    // The refund and the cancellation that follows it both ask: the order gets back only once.
    const returns = (await m.rows('membership__points_entry')).filter(
      (e) => e.order_id === order.id && e.kind === 'return',
    )
    expect(returns.map((e) => e.delta)).toEqual([2_000])
  })

  it('gives points and balance back when an unpaid order is cancelled', async () => {
    const buyer = await shopperWithAddress()
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 10, price: 10_000 })
    await m.run((ctx) =>
      post(ctx, 'balance', { customerId: buyer.id, kind: 'adjust', delta: 3_000, key: 'gift' }),
    )
    const placed = await buyer.client.post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [{ skuId, quantity: 1 }],
        delivery: { method: 'delivery', addressId: buyer.addressId },
        selections: { membership: { storedValue: 3_000 } },
      },
      { 'idempotency-key': 'cancel-me' },
    )
    const order = await readJson(placed)
    expect((await account(buyer.id))?.balance).toBe(0)
    const cancelled = await buyer.client.post(
      `/s/${m.mall.slug}/api/store/orders/${order.id}/cancel`,
    )
    expect(cancelled.status, await cancelled.clone().text()).toBe(200)
    await m.core.worker.drain()
    expect((await account(buyer.id))?.balance).toBe(3_000)
  })

  it('earns points and growth on completion, upgrades at once, then prices at the member price', async () => {
    const buyer = await shopperWithAddress()
    const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 10, price: 120_000 })
    const placed = await buyer.client.post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [{ skuId, quantity: 1 }],
        delivery: { method: 'delivery', addressId: buyer.addressId },
      },
      { 'idempotency-key': 'big' },
    )
    const order = await readJson(placed)
    await m.owner.post(admin(`/orders/${order.id}/payments/manual`), {
      amount: order.total,
      reference: 'B2',
    })
    const shipped = await m.owner.post(admin(`/orders/${order.id}/shipments`), {
      carrier: 'SF',
      trackingNumber: 'SF9',
      lines: [{ lineId: order.lines[0].id, quantity: 1 }],
    })
    expect(shipped.status, await shipped.clone().text()).toBe(201)
    expect(
      (await buyer.client.post(`/s/${m.mall.slug}/api/store/orders/${order.id}/receive`)).status,
    ).toBe(200)
    m.core.clock.advance(30 * DAY)
    await m.core.worker.drain()
    await m.core.worker.drain()
    const status = await readJson(
      await buyer.client.get(`/s/${m.mall.slug}/api/store/orders/${order.id}`),
    )
    expect(status.status).toBe('completed')

    // ¥1,200 paid: 1,200 growth reaches Silver (1,000); 1,200 points at the Regular multiplier.
    expect(await account(buyer.id)).toMatchObject({ tier: 'silver', growth: 1_200, points: 1_200 })
    expect((await watched('membership.tier-changed')).map((r) => r.data)).toContainEqual(
      expect.objectContaining({
        customerId: buyer.id,
        from: 'regular',
        to: 'silver',
        direction: 'up',
      }),
    )
    expect((await watched('membership.points-changed')).map((r) => r.data)).toContainEqual(
      expect.objectContaining({ customerId: buyer.id, kind: 'earn', delta: 1_200, balance: 1_200 }),
    )

    const priced = await m.run(
      (ctx) =>
        priceCart(ctx, m.core.services.plugins, {
          currency: 'CNY',
          customerId: buyer.id,
          lines: [{ id: 'l1', skuId, quantity: 1, unitPrice: 10_000 }],
          shippingFeeFor: () => 1_000,
        }),
      { kind: 'customer', id: buyer.id },
    )
    // Silver: 2% off, and free shipping from ¥199 does not apply to ¥98.
    expect(priced.lines[0]?.adjustments).toEqual([
      expect.objectContaining({
        code: 'member-price',
        amount: -200,
        reason: { en: 'Silver member price: 2% off', 'zh-CN': '白银会员专享价：98折' },
      }),
    ])
    expect(priced.shippingFee).toBe(1_000)
    expect(priced.total).toBe(9_800 + 1_000)

    // A year without growth: the evaluation moves the customer back down.
    m.core.clock.advance(364 * DAY)
    expect(await m.run((ctx) => evaluateTier(ctx, buyer.id))).toBe('silver')
    m.core.clock.advance(2 * DAY)
    expect(await m.run((ctx) => evaluateTier(ctx, buyer.id))).toBe('regular')
    expect((await watched('membership.tier-changed')).map((r) => r.data)).toContainEqual(
      expect.objectContaining({
        customerId: buyer.id,
        from: 'silver',
        to: 'regular',
        direction: 'down',
      }),
    )
  })
})

describe('for other plugins and the core', () => {
  it('awards and deducts points requested by event, once per key, refusing overdrafts', async () => {
    const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
    const request = (points: number, key: string) =>
      m.run((ctx) =>
        ctx.emit('membership.points-requested', {
          customerId: c!.id,
          points,
          key,
          reason: 'lucky wheel prize',
        }),
      )
    await request(80, 'lucky-wheel:spin:1')
    await request(80, 'lucky-wheel:spin:1')
    await request(-30, 'lucky-wheel:spin-cost:2')
    await expect(request(-51, 'lucky-wheel:spin-cost:3')).rejects.toMatchObject({
      problemCode: 'membership:insufficient_points',
    })
    const entries = (await m.rows('membership__points_entry')).filter(
      (e) => e.customer_id === c!.id,
    )
    expect(entries.map((e) => [e.kind, e.delta]).sort()).toEqual([
      ['award', 80],
      ['deduct', -30],
    ])
    expect((await account(c!.id))?.points).toBe(50)
  })

  it('gives registration points once the registration commits', async () => {
    const client = m.core.client(m.mall.host)
    const registered = await client.post('/api/store/auth/register', {
      email: 'new@member-orders.test',
      name: 'New',
      password: 'shopper-password-1',
    })
    expect(registered.status).toBe(201)
    const { id } = await readJson(registered)
    await m.core.worker.drain()
    await m.core.worker.drain()
    expect(await account(id)).toMatchObject({ points: 100, tier: 'regular' })
    const me = await readJson(await client.get(`/api/store/p/membership/points`))
    expect(me.items).toEqual([expect.objectContaining({ kind: 'registration', delta: 100 })])
  })
})
