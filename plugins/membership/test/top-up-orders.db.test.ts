import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readJson,
  seedAddress,
  seedCustomers,
  seedSku,
} from '../../../core/src/commerce/orders/testing.ts'
import { signSandboxNotification } from '../../../core/src/commerce/payments/sandbox/sandbox-signature.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { post } from '../src/server/ledger.ts'
import { creditTopUps } from '../src/server/top-up-orders.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall
/** A package sold online: pay ¥500 (its SKU's price), get ¥550. */
let pack: { id: string; skuId: string }
/** Ordinary goods, to spend the balance on. */
let goods: { skuId: string }

const AMOUNT = 50_000
const BONUS = 5_000
const CAP = 100_000

beforeAll(async () => {
  m = await membershipMall('top-up-orders')
  await m.settings({ storedValue: { enabled: true, cap: CAP } })
  const sandbox = await m.owner.put(`/s/${m.mall.slug}/api/admin/payment-providers/sandbox`, {
    enabled: true,
  })
  expect(sandbox.status).toBe(200)
  const { skuId } = await seedSku(m.core.services, m.mall.id, { stock: 1_000, price: AMOUNT })
  goods = await seedSku(m.core.services, m.mall.id, { stock: 1_000, price: 30_000 })
  const created = await m.owner.post(m.admin('/top-up-packages'), {
    name: '充500送50',
    amount: AMOUNT,
    bonus: BONUS,
    skuId,
  })
  expect(created.status, await created.clone().text()).toBe(201)
  pack = { id: (await readJson(created)).id, skuId }
}, 120_000)
afterAll(() => m?.close())

async function customer(balance = 0) {
  const [seeded] = await seedCustomers(m.core.services, m.mall.id, 1)
  const addressId = await seedAddress(m.core.services, m.mall.id, seeded!.id)
  if (balance)
    await m.run((ctx) =>
      post(ctx, 'balance', { customerId: seeded!.id, kind: 'adjust', delta: balance, key: 'gift' }),
    )
  const client = m.shopper(seeded!.cookie)
  const checkout = (skuId: string, quantity = 1, selections: unknown = {}) =>
    client.post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [{ skuId, quantity }],
        delivery: { method: 'delivery', addressId },
        selections: { membership: selections },
      },
      { 'idempotency-key': randomUUID() },
    )
  return { id: seeded!.id, client, checkout }
}

const balanceOf = async (customerId: string) =>
  (await m.rows('membership__account')).find((a) => a.customer_id === customerId)?.balance ?? 0

const topUpsOf = async (orderId: string) =>
  (await m.rows('membership__top_up')).filter((t) => t.order_id === orderId)

async function sandboxSecret() {
  const row = await withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx
      .selectFrom('core__payment_provider')
      .select('config')
      .where('provider', '=', 'sandbox')
      .executeTakeFirstOrThrow(),
  )
  return String((row.config as { secret: string }).secret)
}

/** Delivers a signed sandbox notification, as the gateway would (again for a replay). */
async function notify(paymentId: string, amount: number, id: string) {
  const raw = JSON.stringify({ id, paymentId, amount, status: 'succeeded', providerRef: 'sbx' })
  const header = signSandboxNotification(await sandboxSecret(), raw, {
    timestamp: Math.floor(m.core.clock.now().getTime() / 1000),
  })
  return m.core.app.request(`http://${m.mall.host}/api/store/payments/sandbox/notify`, {
    method: 'POST',
    headers: {
      host: m.mall.host,
      'content-type': 'application/json',
      'x-sandbox-signature': header,
    },
    body: raw,
  })
}

/** Buys `quantity` of the package and pays it through the sandbox; returns the order. */
async function buyTopUp(
  buyer: Awaited<ReturnType<typeof customer>>,
  quantity = 1,
  options: { drain?: boolean } = {},
) {
  const placed = await buyer.checkout(pack.skuId, quantity)
  expect(placed.status, await placed.clone().text()).toBe(201)
  const order = await readJson(placed)
  const started = await buyer.client.post(
    `/s/${m.mall.slug}/api/store/orders/${order.id}/payments`,
    { provider: 'sandbox' },
  )
  expect(started.status, await started.clone().text()).toBe(201)
  const { paymentId } = await readJson(started)
  const paid = await notify(paymentId, order.total, `ntf-${order.id}`)
  expect(paid.status, await paid.clone().text()).toBe(200)
  if (options.drain !== false) await m.core.worker.drain()
  return { ...order, paymentId }
}

const refund = (orderId: string, amount: number, key = randomUUID()) =>
  m.owner.post(
    `/s/${m.mall.slug}/api/admin/orders/${orderId}/refunds`,
    { amount, reason: 'test' },
    { 'idempotency-key': key },
  )

describe('top-ups bought online', () => {
  it('lists the SKU on the package for the storefront, and refuses an unknown SKU', async () => {
    const listed = await readJson(await m.owner.get(m.store('/top-up-packages')))
    expect(listed.items).toEqual([expect.objectContaining({ id: pack.id, skuId: pack.skuId })])
    const bad = await m.owner.post(m.admin('/top-up-packages'), {
      name: 'x',
      amount: 100,
      skuId: randomUUID(),
    })
    expect(bad.status).toBe(422)
    expect((await readJson(bad)).errors[0].field).toBe('body.skuId')
    const taken = await m.owner.post(m.admin('/top-up-packages'), {
      name: 'x',
      amount: 100,
      skuId: pack.skuId,
    })
    expect(taken.status).toBe(422)
  })

  it('credits amount and bonus once paid, once, however often the payment is notified', async () => {
    const buyer = await customer()
    const order = await buyTopUp(buyer)
    expect(order.total).toBe(AMOUNT)
    expect(await balanceOf(buyer.id)).toBe(AMOUNT + BONUS)
    expect(await topUpsOf(order.id)).toMatchObject([
      { status: 'paid', amount: AMOUNT, bonus: BONUS, package_id: pack.id },
    ])

    // The gateway delivers the notification again, and another one for the same payment.
    const again = await notify(order.paymentId, order.total, `ntf-${order.id}`)
    expect(await readJson(again)).toMatchObject({ outcome: 'duplicate' })
    const other = await notify(order.paymentId, order.total, `ntf-other-${order.id}`)
    expect(await readJson(other)).toMatchObject({ outcome: 'duplicate' })
    // And the hook runs again (at-least-once delivery).
    await m.run((ctx) => creditTopUps(ctx, order.id))
    await m.core.worker.drain()
    expect(await balanceOf(buyer.id)).toBe(AMOUNT + BONUS)
    const entries = (await m.rows('membership__balance_entry')).filter(
      (e) => e.order_id === order.id,
    )
    expect(entries.map((e) => e.delta).sort()).toEqual([AMOUNT, BONUS].sort())
    // Buying stored value earns no member price and stored value cannot pay for it.
    expect(order.adjustments).toEqual([])
  })

  it('credits per unit bought', async () => {
    await m.settings({ storedValue: { enabled: true, cap: 2 * CAP } })
    const buyer = await customer()
    await buyTopUp(buyer, 2)
    expect(await balanceOf(buyer.id)).toBe(2 * (AMOUNT + BONUS))
    await m.settings({ storedValue: { enabled: true, cap: CAP } })
  })

  it('refuses at checkout a top-up that would take the balance past the cap, unpaid ones counted', async () => {
    const rich = await customer(60_000)
    const refused = await rich.checkout(pack.skuId)
    expect(refused.status).toBe(409)
    expect(await readJson(refused)).toMatchObject({
      code: 'membership:balance_cap',
      errors: [{ field: 'body.items.0.skuId' }],
    })
    const orders = await withTenant(m.core.services.db, m.mall.id, (tx) =>
      tx.selectFrom('core__order').select('id').where('customer_id', '=', rich.id).execute(),
    )
    expect(orders).toEqual([])

    const buyer = await customer()
    expect((await buyer.checkout(pack.skuId)).status).toBe(201)
    // ¥550 unpaid + ¥550 would be ¥1,100: past the ¥1,000 cap.
    const second = await buyer.checkout(pack.skuId)
    expect(second.status).toBe(409)
    expect((await readJson(second)).code).toBe('membership:balance_cap')
  })

  it('sells a top-up on its own: a cart with other goods is refused, writing nothing', async () => {
    const [seeded] = await seedCustomers(m.core.services, m.mall.id, 1)
    const addressId = await seedAddress(m.core.services, m.mall.id, seeded!.id)
    const refused = await m.shopper(seeded!.cookie).post(
      `/s/${m.mall.slug}/api/store/checkout`,
      {
        items: [
          { skuId: goods.skuId, quantity: 1 },
          { skuId: pack.skuId, quantity: 1 },
        ],
        delivery: { method: 'delivery', addressId },
      },
      { 'idempotency-key': randomUUID() },
    )
    expect(refused.status).toBe(409)
    expect(await readJson(refused)).toMatchObject({
      code: 'membership:top_up_alone',
      errors: [{ field: 'body.items.1.skuId' }],
    })
    const orders = await withTenant(m.core.services.db, m.mall.id, (tx) =>
      tx.selectFrom('core__order').select('id').where('customer_id', '=', seeded!.id).execute(),
    )
    expect(orders).toEqual([])
  })

  it('never lets the balance pay for a top-up', async () => {
    const buyer = await customer(10_000)
    const placed = await buyer.checkout(pack.skuId, 1, { storedValue: 10_000 })
    expect(placed.status).toBe(201)
    const order = await readJson(placed)
    expect(order.total).toBe(AMOUNT)
    expect(await balanceOf(buyer.id)).toBe(10_000)
  })

  it('refunds a top-up not spent: the credit and bonus go back, the order is cancelled', async () => {
    const buyer = await customer()
    const order = await buyTopUp(buyer)
    const done = await refund(order.id, AMOUNT)
    expect(done.status, await done.clone().text()).toBe(201)
    await m.core.worker.drain()
    expect(await balanceOf(buyer.id)).toBe(0)
    expect(await topUpsOf(order.id)).toMatchObject([{ status: 'cancelled' }])
  })

  it('takes a top-up back when the refund comes before the credit hook ran, and never credits it after', async () => {
    const buyer = await customer()
    const order = await buyTopUp(buyer, 1, { drain: false })
    const done = await refund(order.id, AMOUNT)
    expect(done.status, await done.clone().text()).toBe(201)
    await m.core.worker.drain()
    expect(await balanceOf(buyer.id)).toBe(0)
    const entries = (await m.rows('membership__balance_entry')).filter(
      (e) => e.order_id === order.id,
    )
    expect(entries.reduce((sum, e) => sum + e.delta, 0)).toBe(0)
    expect(await topUpsOf(order.id)).toMatchObject([{ status: 'cancelled' }])
  })

  it('refuses to refund a top-up already spent, writing nothing; allows what is left', async () => {
    const buyer = await customer()
    const order = await buyTopUp(buyer)
    // Spend ¥300 of the ¥550 on goods, paid entirely from the balance.
    const spent = await buyer.checkout(goods.skuId, 1, { storedValue: 30_000 })
    expect((await readJson(spent)).status).toBe('paid')
    expect(await balanceOf(buyer.id)).toBe(AMOUNT + BONUS - 30_000)

    const refused = await refund(order.id, AMOUNT)
    expect(refused.status).toBe(409)
    const problem = await readJson(refused)
    expect(problem).toMatchObject({
      code: 'membership:insufficient_balance',
      errors: [{ field: 'body.amount' }],
    })
    const most = Math.floor(((AMOUNT + BONUS - 30_000) * AMOUNT) / (AMOUNT + BONUS))
    expect(problem.errors[0].message).toContain(String(most))
    const refunds = await withTenant(m.core.services.db, m.mall.id, (tx) =>
      tx.selectFrom('core__refund').select('id').where('order_id', '=', order.id).execute(),
    )
    expect(refunds).toEqual([])
    expect(await balanceOf(buyer.id)).toBe(AMOUNT + BONUS - 30_000)

    const part = await refund(order.id, most)
    expect(part.status, await part.clone().text()).toBe(201)
    await m.core.worker.drain()
    const left = await balanceOf(buyer.id)
    expect(left).toBeGreaterThanOrEqual(0)
    expect(left).toBe(AMOUNT + BONUS - 30_000 - Math.floor(((AMOUNT + BONUS) * most) / AMOUNT))
  })
})
