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

/**
 * Refuses refunds whose reason is "veto" when asked, and records the refund events it sees, to
 * prove a plugin can stop a refund before any money moves and learns when one fails.
 */
const guard = definePluginServer(
  definePlugin({
    id: 'refund-guard',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Refund guard', 'zh-CN': '退款守卫' },
    settings: z.object({}),
  }),
  {
    hooks: [
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
          await ctx.audit('guard.requested', null, { ...e.payload })
        },
      }),
      defineHook({
        event: 'payment.refund-failed',
        name: 'failed',
        mode: 'inline',
        handle: (ctx, e) => ctx.audit('guard.failed', null, { ...e.payload }),
      }),
    ],
  },
)

describe('refund hooks', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let shopper: TestClient
  let customerId: string
  const admin = (path: string) => `/s/guard-mall/api/admin${path}`

  beforeAll(async () => {
    core = await createTestCore({ plugins: [guard] })
    mall = await core.createMall('guard-mall')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    expect(
      (await staff.put(admin('/plugins/refund-guard'), { enabled: true, settings: {} })).status,
    ).toBe(200)
    expect((await staff.put(admin('/payment-providers/sandbox'), { enabled: true })).status).toBe(
      200,
    )
    ;({ client: shopper, customerId } = await registerShopper(core, mall, 'gus@guard.test'))
  })
  afterAll(() => core?.close())

  async function audited(action: string) {
    return withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select('data')
        .where('tenant_id', '=', mall.id)
        .where('action', '=', action)
        .execute(),
    ).then((rows) => rows.map((r) => r.data as Record<string, unknown>))
  }

  async function paidOrder() {
    const order = await seedOrder(core, mall, customerId, { unitPrice: 8_000 })
    const started = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'sandbox',
    })
    const { paymentId } = (await started.json()) as { paymentId: string }
    await shopper.request('POST', `/pay/sandbox/${paymentId}/complete`, 'outcome=pay', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect((await orderState(core, mall, order.orderId)).order.status).toBe('paid')
    return order
  }

  const refund = (orderId: string, body: unknown, key: string) =>
    staff.post(admin(`/orders/${orderId}/refunds`), body, { 'idempotency-key': key })

  it('lets an inline hook refuse a refund before the provider is asked, writing nothing', async () => {
    const order = await paidOrder()
    const vetoed = await refund(order.orderId, { amount: 3_000, reason: 'veto' }, 'k-veto')
    expect(vetoed.status).toBe(409)
    expect(await vetoed.json()).toMatchObject({ errors: [{ field: 'body.amount' }] })
    expect((await orderState(core, mall, order.orderId)).refunds).toEqual([])

    // The key was not used up: the same key with an acceptable request refunds.
    const fine = await refund(order.orderId, { amount: 3_000, reason: 'ok' }, 'k-veto')
    expect(fine.status).toBe(201)
    expect(
      (await audited('guard.requested')).filter((e) => e.orderId === order.orderId),
    ).toMatchObject([{ amount: 3_000, paymentAmount: 8_000, full: false }])
  })

  it('tells the hooks when the provider fails a refund', async () => {
    const order = await paidOrder()
    const registry = paymentProvidersOf(core.services)
    registry.register({
      ...sandboxProvider,
      async refund() {
        throw new MallError('payment_provider_error', 'The sandbox is down')
      },
    })
    try {
      const failed = await refund(order.orderId, { amount: 8_000, reason: 'ok' }, 'k-fail')
      expect(failed.status).toBe(502)
    } finally {
      registry.register(sandboxProvider)
    }
    const state = await orderState(core, mall, order.orderId)
    expect(state.refunds).toEqual([{ amount: 8_000, status: 'failed' }])
    expect(state.order.status).toBe('paid')
    const requested = (await audited('guard.requested')).filter((e) => e.orderId === order.orderId)
    expect(requested).toMatchObject([{ amount: 8_000, full: true }])
    expect((await audited('guard.failed')).filter((e) => e.orderId === order.orderId)).toEqual([
      expect.objectContaining({ refundId: requested[0]!.refundId, provider: 'sandbox' }),
    ])
  })
})
