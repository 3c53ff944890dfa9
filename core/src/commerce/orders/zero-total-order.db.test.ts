import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import {
  defineHook,
  definePlugin,
  definePluginServer,
  type PriceAdjustment,
} from '../../plugins/index.ts'
import '../payments/events.ts'
import { orderState } from '../payments/testing/seed-order.ts'
import './events.ts'
import { readJson, seedAddress, seedCustomers, seedSku, type SeededCustomer } from './testing.ts'

/**
 * A stored-value stage that pays `selections.wallet.pay` of the order (goods first, then
 * shipping), and records every order and payment event it sees in the audit log.
 */
const wallet = definePluginServer(
  definePlugin({
    id: 'wallet',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Wallet', 'zh-CN': '钱包' },
    settings: z.object({}),
  }),
  {
    selection: z.object({ pay: z.number().int().min(0), free: z.boolean().optional() }),
    adjusters: [
      {
        name: 'free',
        stage: 'promotion',
        async adjust(_ctx, draft) {
          if (!(draft.selection as { free?: boolean } | undefined)?.free) return []
          const goods = draft.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
          return [{ code: 'free', amount: -goods, reason: { en: 'Free', 'zh-CN': '免费' } }]
        },
      },
      {
        name: 'wallet',
        stage: 'stored-value',
        async adjust(_ctx, draft) {
          const pay = (draft.selection as { pay: number } | undefined)?.pay ?? 0
          const goods = draft.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
          const off = draft.adjustments.reduce((sum, a) => sum - a.amount, 0)
          const onGoods = Math.min(pay, goods - off)
          const onShipping = Math.min(pay - onGoods, draft.shippingFee)
          const reason = { en: 'Wallet', 'zh-CN': '钱包' }
          const out: PriceAdjustment[] = []
          if (onGoods > 0) out.push({ code: 'wallet', amount: -onGoods, reason })
          if (onShipping > 0)
            out.push({ code: 'wallet', amount: -onShipping, target: 'shipping', reason })
          return out
        },
      },
    ],
    hooks: (
      [
        'order.paid',
        'order.cancelled',
        'payment.succeeded',
        'payment.refund-requested',
        'payment.refunded',
      ] as const
    ).map((event) =>
      defineHook({
        event,
        name: `record-${event}`,
        mode: 'inline',
        handle: (ctx, e) => ctx.audit(`wallet.${event}`, null, { ...e.payload }),
      }),
    ),
  },
)

describe('orders with nothing to pay', () => {
  let core: TestCore
  let mall: TestMall
  let buyer: SeededCustomer
  let shopper: TestClient
  let staff: TestClient
  let addressId: string
  let sku: { skuId: string }
  const admin = (path: string) => `/s/zero/api/admin${path}`

  beforeAll(async () => {
    core = await createTestCore({ plugins: [wallet] })
    mall = await core.createMall('zero')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    expect(
      (await staff.put(admin('/plugins/wallet'), { enabled: true, settings: {} })).status,
    ).toBe(200)
    expect((await staff.put(admin('/payment-providers/sandbox'), { enabled: true })).status).toBe(
      200,
    )
    sku = await seedSku(core.services, mall.id, { stock: 50, price: 5_000 })
    ;[buyer] = (await seedCustomers(core.services, mall.id, 1)) as [SeededCustomer]
    addressId = await seedAddress(core.services, mall.id, buyer.id)
    shopper = core.client(mall.host)
    const [name, value] = buyer.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
  })
  afterAll(() => core?.close())

  const checkout = (pay: number, key: string, free = false) =>
    shopper.post(
      '/api/store/checkout',
      {
        items: [{ skuId: sku.skuId, quantity: 2 }],
        delivery: { method: 'delivery', addressId },
        selections: { wallet: { pay, free } },
      },
      { 'idempotency-key': key },
    )

  async function events(action: string, orderId: string) {
    const rows = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select('data')
        .where('tenant_id', '=', mall.id)
        .where('action', '=', `wallet.${action}`)
        .orderBy('created_at')
        .execute(),
    )
    return rows
      .map((r) => r.data as Record<string, unknown>)
      .filter((data) => data.orderId === orderId)
  }

  const refund = (orderId: string, amount: number, key: string) =>
    staff.post(
      admin(`/orders/${orderId}/refunds`),
      { amount, reason: 'test' },
      {
        'idempotency-key': key,
      },
    )

  it('settles an order the pipeline left nothing to pay at placement, paid for customer and staff', async () => {
    const placed = await checkout(10_000, 'zero-1')
    expect(placed.status).toBe(201)
    const order = await readJson(placed)
    expect([order.total, order.status]).toEqual([0, 'paid'])

    const mine = await readJson(await shopper.get(`/api/store/orders/${order.id}`))
    expect([mine.status, mine.total]).toEqual(['paid', 0])
    const staffView = await readJson(await staff.get(admin(`/orders/${order.id}`)))
    expect(staffView.status).toBe('paid')

    const state = await orderState(core, mall, order.id)
    expect(state.transitions).toEqual([
      { from_status: null, to_status: 'pending_payment' },
      { from_status: 'pending_payment', to_status: 'paid' },
    ])
    expect(state.reservations).toMatchObject([{ status: 'consumed', quantity: 2 }])
    // One settlement "payment" of the value the stored value paid; no gateway involved.
    expect(state.payments).toMatchObject([
      { provider: 'none', status: 'succeeded', amount: 10_000 },
    ])
    expect(await events('order.paid', order.id)).toHaveLength(1)
    expect(await events('payment.succeeded', order.id)).toMatchObject([
      { provider: 'none', amount: 10_000 },
    ])

    // The same checkout again is the same order, not a second settlement.
    const again = await checkout(10_000, 'zero-1')
    expect(again.status).toBe(200)
    expect((await readJson(again)).id).toBe(order.id)
    expect(await events('order.paid', order.id)).toHaveLength(1)
    expect((await orderState(core, mall, order.id)).payments).toHaveLength(1)

    // Nothing for a customer to start paying.
    const start = await shopper.post(`/api/store/orders/${order.id}/payments`, {
      provider: 'sandbox',
    })
    expect(start.status).toBe(409)
  })

  it('refunds such an order in part and then in full without a provider, and cancels it', async () => {
    const order = await readJson(await checkout(10_000, 'zero-2'))
    expect(order.status).toBe('paid')

    const tooMuch = await refund(order.id, 10_001, 'r-0')
    expect(tooMuch.status).toBe(422)
    expect((await readJson(tooMuch)).errors[0].field).toBe('body.amount')

    const part = await refund(order.id, 4_000, 'r-1')
    expect(part.status).toBe(201)
    expect(await readJson(part)).toMatchObject({ amount: 4_000, status: 'succeeded' })
    expect((await refund(order.id, 4_000, 'r-1')).status).toBe(200)
    expect(await events('payment.refunded', order.id)).toMatchObject([
      { amount: 4_000, paymentAmount: 10_000, provider: 'none', full: false },
    ])
    expect((await orderState(core, mall, order.id)).order.status).toBe('paid')

    const rest = await refund(order.id, 6_000, 'r-2')
    expect(rest.status).toBe(201)
    const refunded = await events('payment.refunded', order.id)
    expect(refunded).toHaveLength(2)
    expect(refunded[1]).toMatchObject({ amount: 6_000, paymentAmount: 10_000, full: true })
    const state = await orderState(core, mall, order.id)
    expect(state.order.status).toBe('cancelled')
    expect(state.refunds).toEqual([
      { amount: 4_000, status: 'succeeded' },
      { amount: 6_000, status: 'succeeded' },
    ])
    expect(await events('order.cancelled', order.id)).toHaveLength(1)
    expect((await refund(order.id, 1, 'r-3')).status).toBe(422)
  })

  it('measures refunds of an order only discounts paid against its value before them', async () => {
    const order = await readJson(await checkout(0, 'zero-3', true))
    expect([order.total, order.status]).toEqual([0, 'paid'])
    const payments = await readJson(await staff.get(admin(`/orders/${order.id}/payments`)))
    expect(payments.payments).toMatchObject([{ provider: 'none', amount: 10_000 }])
    expect((await refund(order.id, 2_500, 'free-r1')).status).toBe(201)
    expect(await events('payment.refunded', order.id)).toMatchObject([
      { amount: 2_500, paymentAmount: 10_000, full: false },
    ])
  })

  it('still takes the rest through a provider when the stored value pays part', async () => {
    const placed = await checkout(3_000, 'mixed-1')
    const order = await readJson(placed)
    expect([order.total, order.status]).toEqual([7_000, 'pending_payment'])
    const started = await shopper.post(`/api/store/orders/${order.id}/payments`, {
      provider: 'sandbox',
    })
    expect(started.status).toBe(201)
    const { paymentId } = await readJson(started)
    await shopper.request('POST', `/pay/sandbox/${paymentId}/complete`, 'outcome=pay', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    const state = await orderState(core, mall, order.id)
    expect(state.order.status).toBe('paid')
    expect(state.payments).toMatchObject([{ provider: 'sandbox', amount: 7_000 }])
    const part = await refund(order.id, 3_500, 'mixed-r1')
    expect(part.status).toBe(201)
    expect(await events('payment.refunded', order.id)).toMatchObject([
      { amount: 3_500, paymentAmount: 7_000, provider: 'sandbox', full: false },
    ])
  })
})
