import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { MallError } from '../../http/errors.ts'
import { defineHook, definePlugin, definePluginServer } from '../../plugins/index.ts'
import './events.ts'
import { paymentProvidersOf } from './registry.ts'
import { sandboxProvider } from './sandbox/sandbox-provider.ts'
import { orderState, registerShopper, seedOrder } from './testing/seed-order.ts'

/** A plugin that writes every payment event it sees into the audit log, to prove they are emitted. */
const watch = definePluginServer(
  definePlugin({
    id: 'pay-watch',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Payment watch', 'zh-CN': '支付观察' },
    settings: z.object({}),
  }),
  {
    hooks: [
      ...(['payment.succeeded', 'payment.refunded', 'payment.refund-failed'] as const).map(
        (event) =>
          defineHook({
            event,
            name: `record-${event}`,
            mode: 'inline',
            handle: (ctx, e) => ctx.audit(`pay-watch.${event}`, null, { ...e.payload }),
          }),
      ),
      // Refuses refunds whose reason is "veto" when asked: a plugin can stop a refund before any
      // money moves.
      defineHook({
        event: 'payment.refund-requested',
        name: 'veto',
        mode: 'inline',
        handle: async (ctx, e) => {
          const refund = await ctx.db
            .selectFrom('core__refund')
            .select('reason')
            .where('tenant_id', '=', ctx.tenant.id)
            .where('id', '=', e.payload.refundId)
            .executeTakeFirstOrThrow()
          if (refund.reason === 'veto')
            throw new MallError('conflict', 'Refused by a plugin', {
              errors: [{ field: 'body.amount', message: 'vetoed' }],
            })
          await ctx.audit('pay-watch.payment.refund-requested', null, { ...e.payload })
        },
      }),
    ],
  },
)

describe('manual payments and refunds', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let shopper: TestClient
  let customerId: string
  const admin = (path: string) => `/s/refund-mall/api/admin${path}`

  beforeAll(async () => {
    core = await createTestCore({ plugins: [watch] })
    mall = await core.createMall('refund-mall')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    expect(
      (await staff.put(admin('/plugins/pay-watch'), { enabled: true, settings: {} })).status,
    ).toBe(200)
    expect((await staff.put(admin('/payment-providers/sandbox'), { enabled: true })).status).toBe(
      200,
    )
    ;({ client: shopper, customerId } = await registerShopper(core, mall, 'rae@refund.test'))
  })
  afterAll(() => core?.close())

  async function watched(action: string) {
    return withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select(['action', 'data'])
        .where('tenant_id', '=', mall.id)
        .where('action', '=', action)
        .orderBy('created_at')
        .execute(),
    )
  }

  async function paidWithSandbox() {
    const order = await seedOrder(core, mall, customerId, { unitPrice: 12_345, stock: 5 })
    const started = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'sandbox',
    })
    const { paymentId } = (await started.json()) as { paymentId: string }
    await shopper.request('POST', `/pay/sandbox/${paymentId}/complete`, 'outcome=pay', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect((await orderState(core, mall, order.orderId)).order.status).toBe('paid')
    const succeeded = (await watched('pay-watch.payment.succeeded')).map((e) => e.data)
    expect(succeeded).toContainEqual(
      expect.objectContaining({ paymentId, provider: 'sandbox', amount: order.total }),
    )
    return { ...order, paymentId }
  }

  const refund = (orderId: string, body: unknown, key?: string) =>
    staff.post(
      admin(`/orders/${orderId}/refunds`),
      body,
      key === undefined ? {} : { 'idempotency-key': key },
    )

  async function stockOf(skuId: string) {
    const row = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__sku')
        .select('stock')
        .where('tenant_id', '=', mall.id)
        .where('id', '=', skuId)
        .executeTakeFirstOrThrow(),
    )
    return row.stock
  }

  it('records a manual payment of the order total, audited, and emits payment.succeeded', async () => {
    const order = await seedOrder(core, mall, customerId, { unitPrice: 5_000, quantity: 2 })
    const before = await orderState(core, mall, order.orderId)
    const bad = [
      [{ amount: 9_999, reference: 'BANK-1' }, 'body.amount', 422],
      [{ amount: -1, reference: 'BANK-1' }, 'body.amount', 422],
      [{ amount: '10000', reference: 'BANK-1' }, 'body.amount', 422],
      [{ amount: 10_000 }, 'body.reference', 422],
      [{ amount: 1e15, reference: 'BANK-1' }, 'body.amount', 422],
    ] as const
    for (const [body, field, status] of bad) {
      const response = await staff.post(admin(`/orders/${order.orderId}/payments/manual`), body)
      expect([
        response.status,
        ((await response.json()) as { errors?: { field: string }[] }).errors?.[0]?.field,
      ]).toEqual([status, field])
    }
    expect(await orderState(core, mall, order.orderId)).toEqual(before)

    const response = await staff.post(admin(`/orders/${order.orderId}/payments/manual`), {
      amount: 10_000,
      reference: 'BANK-2026-001',
    })
    expect(response.status).toBe(201)
    const { paymentId } = (await response.json()) as { paymentId: string }
    const state = await orderState(core, mall, order.orderId)
    expect(state.order.status).toBe('paid')
    expect(state.payments).toMatchObject([
      { id: paymentId, provider: 'manual', status: 'succeeded', provider_ref: 'BANK-2026-001' },
    ])
    expect(await watched('payment.manual-recorded')).toMatchObject([
      { data: { paymentId, reference: 'BANK-2026-001', amount: 10_000 } },
    ])
    expect(await watched('pay-watch.payment.succeeded')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          data: expect.objectContaining({ paymentId, provider: 'manual' }),
        }),
      ]),
    )
    const twice = await staff.post(admin(`/orders/${order.orderId}/payments/manual`), {
      amount: 10_000,
      reference: 'again',
    })
    expect(twice.status).toBe(409)
    const unknown = await staff.post(
      admin('/orders/00000000-0000-4000-8000-000000000000/payments/manual'),
      {
        amount: 1,
        reference: 'x',
      },
    )
    expect(unknown.status).toBe(404)
    const listed = await staff.get(admin(`/orders/${order.orderId}/payments`))
    expect(await listed.json()).toMatchObject({
      payments: [{ id: paymentId, amount: 10_000 }],
      refunds: [],
    })
  })

  it('refunds in part, replays a key, refuses over-refunds, and cancels the order on a full refund', async () => {
    const order = await paidWithSandbox()
    const stockWhilePaid = await stockOf(order.skuId)

    const noKey = await refund(order.orderId, { amount: 1_000 })
    expect(noKey.status).toBe(422)
    expect(await noKey.json()).toMatchObject({ errors: [{ field: 'header.idempotency-key' }] })

    const partial = await refund(order.orderId, { amount: 1_000, reason: 'scratch' }, 'key-1')
    expect(partial.status).toBe(201)
    const first = (await partial.json()) as { id: string; status: string }
    expect(first.status).toBe('succeeded')
    expect((await orderState(core, mall, order.orderId)).order.status).toBe('paid')

    const replay = await refund(order.orderId, { amount: 1_000, reason: 'scratch' }, 'key-1')
    expect(replay.status).toBe(200)
    expect(((await replay.json()) as { id: string }).id).toBe(first.id)
    const reused = await refund(order.orderId, { amount: 2_000, reason: 'scratch' }, 'key-1')
    expect(reused.status).toBe(422)
    expect(await reused.json()).toMatchObject({ errors: [{ field: 'header.idempotency-key' }] })

    const before = await orderState(core, mall, order.orderId)
    const over = await refund(order.orderId, { amount: 11_346 }, 'key-2')
    expect(over.status).toBe(422)
    expect(await over.json()).toMatchObject({ errors: [{ field: 'body.amount' }] })
    for (const body of [{ amount: 0 }, { amount: -5 }, { amount: 1.5 }, { amount: '1' }]) {
      const response = await refund(order.orderId, body, 'key-bad')
      expect([
        response.status,
        ((await response.json()) as { errors: { field: string }[] }).errors[0]?.field,
      ]).toEqual([422, 'body.amount'])
    }
    expect(await orderState(core, mall, order.orderId)).toEqual(before)

    const rest = await refund(order.orderId, { amount: 11_345, reason: 'changed mind' }, 'key-2')
    expect(rest.status).toBe(201)
    const after = await orderState(core, mall, order.orderId)
    expect(after.order.status).toBe('cancelled')
    expect(after.refunds).toEqual([
      { amount: 1_000, status: 'succeeded' },
      { amount: 11_345, status: 'succeeded' },
    ])
    expect(after.reservations[0]?.status).toBe('released')
    expect(await stockOf(order.skuId)).toBe(stockWhilePaid + 1)
    const events = (await watched('pay-watch.payment.refunded')).map(
      (e) => e.data as { orderId: string; full: boolean; amount: number },
    )
    expect(events.filter((e) => e.orderId === order.orderId)).toEqual([
      expect.objectContaining({ amount: 1_000, full: false }),
      expect.objectContaining({ amount: 11_345, full: true }),
    ])
    const nothingLeft = await refund(order.orderId, { amount: 1 }, 'key-3')
    expect(nothingLeft.status).toBe(422)
  })

  it('lists its routes in the OpenAPI document and guards them by permission', async () => {
    const doc = (await (await staff.get('/api/openapi.json')).json()) as {
      paths: Record<string, object>
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/payment-providers/{provider}',
        '/api/admin/orders/{orderId}/payments/manual',
        '/api/admin/orders/{orderId}/refunds',
        '/api/admin/orders/{orderId}/payments',
        '/api/store/orders/{orderId}/payments',
        '/api/store/payments/sandbox/notify',
        '/api/store/payments/wechat/notify',
      ]),
    )
    const created = await staff.post(admin('/staff'), {
      email: 'service@refund.test',
      name: 'Service',
      password: 'service-password-1',
      role: 'service',
    })
    expect(created.status).toBe(201)
    const service = core.client()
    await service.loginStaff('service@refund.test', 'service-password-1')
    const order = await paidWithSandbox()
    const refused = await service.post(
      admin(`/orders/${order.orderId}/refunds`),
      { amount: 1 },
      { 'idempotency-key': 'svc-1' },
    )
    expect(refused.status).toBe(403)
    expect((await service.get(admin('/payment-providers/sandbox'))).status).toBe(403)
    expect(
      (await service.put(admin('/payment-providers/sandbox'), { enabled: false })).status,
    ).toBe(403)
    expect((await service.get(admin(`/orders/${order.orderId}/payments`))).status).toBe(200)
    expect((await orderState(core, mall, order.orderId)).refunds).toEqual([])
    expect((await staff.get(admin('/payment-providers/sandbox'))).status).toBe(200)
  })

  it('names the field of bad input on its routes', async () => {
    const order = await seedOrder(core, mall, customerId)
    const cases = [
      [staff.put(admin('/payment-providers/sandbox'), { enabled: 'yes' }), 'body.enabled'],
      [
        staff.put(admin('/payment-providers/sandbox'), { config: { secret: 'short' } }),
        'body.config.secret',
      ],
      [staff.get(admin('/payment-providers/paypal')), 'path.provider'],
      [
        staff.post(admin('/orders/not-a-uuid/refunds'), { amount: 1 }, { 'idempotency-key': 'k' }),
        'path.orderId',
      ],
      [
        shopper.post('/api/store/orders/not-a-uuid/payments', { provider: 'sandbox' }),
        'path.orderId',
      ],
      [shopper.post(`/api/store/orders/${order.orderId}/payments`, {}), 'body.provider'],
      [
        shopper.post(`/api/store/orders/${order.orderId}/payments`, { provider: 7 }),
        'body.provider',
      ],
    ] as const
    for (const [pending, field] of cases) {
      const response = await pending
      const body = (await response.json()) as { errors?: { field: string }[] }
      expect([response.status >= 400 && response.status < 500, body.errors?.[0]?.field]).toEqual([
        true,
        field,
      ])
    }
    const state = await orderState(core, mall, order.orderId)
    expect(state.payments).toEqual([])
    expect(await (await staff.get(admin('/payment-providers/sandbox'))).json()).toMatchObject({
      enabled: true,
    })
  })

  it('refuses to refund an order that is not paid', async () => {
    const order = await seedOrder(core, mall, customerId)
    const response = await refund(order.orderId, { amount: 100 }, 'unpaid-1')
    expect(response.status).toBe(409)
    expect((await orderState(core, mall, order.orderId)).refunds).toEqual([])
  })

  it('makes one refund for concurrent requests with one key, and never refunds more than paid', async () => {
    const order = await paidWithSandbox()
    const same = await Promise.all(
      Array.from({ length: 10 }, () => refund(order.orderId, { amount: 1_000 }, 'race-key')),
    )
    const statuses = same.map((r) => r.status)
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true)
    const ids = new Set(
      await Promise.all(same.map(async (r) => ((await r.json()) as { id: string }).id)),
    )
    expect(ids.size).toBe(1)
    expect((await orderState(core, mall, order.orderId)).refunds).toHaveLength(1)

    // 11,345 left: of six 3,000 refunds under different keys, three fit.
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, i) => refund(order.orderId, { amount: 3_000 }, `many-${i}`)),
    )
    expect(many.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422])
    const refunds = (await orderState(core, mall, order.orderId)).refunds
    expect(refunds.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(10_000)
  })

  it('lets an inline hook refuse a refund before the provider is asked, writing nothing', async () => {
    const order = await paidWithSandbox()
    const vetoed = await refund(order.orderId, { amount: 3_000, reason: 'veto' }, 'k-veto')
    expect(vetoed.status).toBe(409)
    expect(await vetoed.json()).toMatchObject({ errors: [{ field: 'body.amount' }] })
    expect((await orderState(core, mall, order.orderId)).refunds).toEqual([])

    // The key was not used up: the same key with an acceptable request refunds.
    const fine = await refund(order.orderId, { amount: 3_000, reason: 'ok' }, 'k-veto')
    expect(fine.status).toBe(201)
    const requested = (await watched('pay-watch.payment.refund-requested'))
      .map((e) => e.data as Record<string, unknown>)
      .filter((e) => e.orderId === order.orderId)
    expect(requested).toMatchObject([{ amount: 3_000, paymentAmount: order.total, full: false }])
  })

  it('tells the hooks when the provider fails a refund', async () => {
    const order = await paidWithSandbox()
    const registry = paymentProvidersOf(core.services)
    registry.register({
      ...sandboxProvider,
      async refund() {
        throw new MallError('payment_provider_error', 'The sandbox is down')
      },
    })
    try {
      const failed = await refund(order.orderId, { amount: order.total, reason: 'ok' }, 'k-fail')
      expect(failed.status).toBe(502)
    } finally {
      registry.register(sandboxProvider)
    }
    const state = await orderState(core, mall, order.orderId)
    expect(state.refunds).toEqual([{ amount: order.total, status: 'failed' }])
    expect(state.order.status).toBe('paid')
    const of = async (action: string) =>
      (await watched(action))
        .map((e) => e.data as Record<string, unknown>)
        .filter((e) => e.orderId === order.orderId)
    const requested = await of('pay-watch.payment.refund-requested')
    expect(requested).toMatchObject([{ amount: order.total, full: true }])
    expect(await of('pay-watch.payment.refund-failed')).toEqual([
      expect.objectContaining({ refundId: requested[0]!.refundId, provider: 'sandbox' }),
    ])
  })
})
