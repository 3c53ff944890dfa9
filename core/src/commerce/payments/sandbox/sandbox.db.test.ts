import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../../test/app.ts'
import { withTenant } from '../../../db/tenant-scope.ts'
import { runInMall } from '../../../mall-context.ts'
import { cancelOrder } from '../../orders/order-state.ts'
import { orderState, registerShopper, seedOrder } from '../testing/seed-order.ts'
import { signSandboxNotification } from './sandbox-signature.ts'

describe('sandbox payments', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let shopper: TestClient
  let customerId: string

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('sandbox-mall')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    const enabled = await staff.put('/s/sandbox-mall/api/admin/payment-providers/sandbox', {
      enabled: true,
    })
    expect(enabled.status).toBe(200)
    ;({ client: shopper, customerId } = await registerShopper(core, mall, 'sam@sandbox.test'))
  })
  afterAll(() => core?.close())

  async function startPayment(orderId: string, client = shopper) {
    const response = await client.post(`/api/store/orders/${orderId}/payments`, {
      provider: 'sandbox',
    })
    expect(response.status).toBe(201)
    return (await response.json()) as { paymentId: string; next: { type: string; url: string } }
  }

  async function secret(): Promise<string> {
    const row = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__payment_provider')
        .select('config')
        .where('tenant_id', '=', mall.id)
        .where('provider', '=', 'sandbox')
        .executeTakeFirstOrThrow(),
    )
    return String((row.config as { secret: string }).secret)
  }

  /** Posts a notification to the webhook the way an external gateway would (no browser headers). */
  async function notify(
    body: Record<string, unknown>,
    sign: { secret?: string; at?: number; nonce?: string } = {},
  ) {
    const raw = JSON.stringify(body)
    const at = sign.at ?? Math.floor(core.clock.now().getTime() / 1000)
    const header = signSandboxNotification(sign.secret ?? (await secret()), raw, {
      timestamp: at,
      ...(sign.nonce ? { nonce: sign.nonce } : {}),
    })
    return sendRaw(raw, header)
  }

  function sendRaw(raw: string, header: string) {
    return core.app.request(`http://${mall.host}/api/store/payments/sandbox/notify`, {
      method: 'POST',
      headers: {
        host: mall.host,
        'content-type': 'application/json',
        'x-sandbox-signature': header,
      },
      body: raw,
    })
  }

  function success(paymentId: string, amount: number, id = `ntf-${randomUUID()}`) {
    return { id, paymentId, amount, status: 'succeeded', providerRef: 'sbx-ref' }
  }

  it('pays an order end to end: start, pay page, Pay button, order paid and stock consumed', async () => {
    const order = await seedOrder(core, mall, customerId, { unitPrice: 12_345 })
    const { paymentId, next } = await startPayment(order.orderId)
    expect(next).toEqual({ type: 'redirect', url: `/pay/sandbox/${paymentId}` })

    const page = await shopper.get(next.url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Mall sandbox-mall')
    expect(html).toContain('¥123.45')
    expect(html).toContain(`action="/pay/sandbox/${paymentId}/complete"`)
    expect(html).toMatch(/>Pay</)
    expect(html).toMatch(/>Fail</)

    // The browser posts the form same-origin (the TestClient sends Sec-Fetch-Site: same-origin).
    const done = await shopper.request(
      'POST',
      `/pay/sandbox/${paymentId}/complete`,
      'outcome=pay',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    )
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/pay/sandbox/${paymentId}`)

    const state = await orderState(core, mall, order.orderId)
    expect(state.order.status).toBe('paid')
    expect(state.payments).toMatchObject([{ id: paymentId, status: 'succeeded', amount: 12_345 }])
    expect(state.notifications).toHaveLength(1)
    expect(state.reservations).toEqual([{ sku_id: order.skuId, status: 'consumed', quantity: 1 }])
    expect(await (await shopper.get(`/pay/sandbox/${paymentId}`)).text()).toContain('Paid.')
    const polled = await shopper.get(`/api/store/payments/${paymentId}`)
    expect(await polled.json()).toMatchObject({ status: 'succeeded', orderId: order.orderId })
  })

  it('keeps the /s/{slug} prefix in the pay URL on the platform host', async () => {
    const order = await seedOrder(core, mall, customerId)
    const onPlatform = core.client()
    for (const [k, v] of shopper.cookies) onPlatform.cookies.set(k, v)
    const response = await onPlatform.post(
      `/s/sandbox-mall/api/store/orders/${order.orderId}/payments`,
      {
        provider: 'sandbox',
      },
    )
    const { paymentId, next } = (await response.json()) as {
      paymentId: string
      next: { url: string }
    }
    expect(next.url).toBe(`/s/sandbox-mall/pay/sandbox/${paymentId}`)
    expect(await (await onPlatform.get(next.url)).text()).toContain(
      `action="/s/sandbox-mall/pay/sandbox/${paymentId}/complete"`,
    )
  })

  it('leaves the order pending when the customer presses Fail', async () => {
    const order = await seedOrder(core, mall, customerId)
    const { paymentId } = await startPayment(order.orderId)
    await shopper.request('POST', `/pay/sandbox/${paymentId}/complete`, 'outcome=fail', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    const state = await orderState(core, mall, order.orderId)
    expect(state.order.status).toBe('pending_payment')
    expect(state.payments).toMatchObject([{ status: 'failed' }])
    expect(state.reservations[0]?.status).toBe('held')
  })

  it("refuses to start a payment on someone else's order, an unknown provider, or manual", async () => {
    const order = await seedOrder(core, mall, customerId)
    const { client: other } = await registerShopper(core, mall, 'other@sandbox.test')
    expect(
      (await other.post(`/api/store/orders/${order.orderId}/payments`, { provider: 'sandbox' }))
        .status,
    ).toBe(404)
    const unknown = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'paypal',
    })
    expect(unknown.status).toBe(422)
    expect(await unknown.json()).toMatchObject({ errors: [{ field: 'body.provider' }] })
    const manual = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'manual',
    })
    expect(manual.status).toBe(422)
    const anonymous = core.client(mall.host)
    expect(
      (await anonymous.post(`/api/store/orders/${order.orderId}/payments`, { provider: 'sandbox' }))
        .status,
    ).toBe(401)
    expect((await orderState(core, mall, order.orderId)).payments).toEqual([])
  })

  it('refuses forged, stale, wrong-amount, unknown-payment and replayed notifications, changing nothing', async () => {
    const order = await seedOrder(core, mall, customerId)
    const { paymentId } = await startPayment(order.orderId)
    const before = await orderState(core, mall, order.orderId)
    const now = Math.floor(core.clock.now().getTime() / 1000)

    const forged = await notify(success(paymentId, order.total), { secret: 'x'.repeat(43) })
    expect(forged.status).toBe(403)
    const raw = JSON.stringify(success(paymentId, order.total))
    const tampered = JSON.stringify(success(paymentId, order.total + 0)).replace(
      'sbx-ref',
      'sbx-reg',
    )
    const header = signSandboxNotification(await secret(), raw, { timestamp: now })
    expect((await sendRaw(tampered, header)).status).toBe(403)
    expect((await sendRaw(raw, header.replace(/v1=.*/, 'v1=' + '0'.repeat(64)))).status).toBe(403)
    expect((await sendRaw(raw, '')).status).toBe(403)
    expect((await notify(success(paymentId, order.total), { at: now - 301 })).status).toBe(403)
    expect((await notify(success(paymentId, order.total), { at: now + 301 })).status).toBe(403)
    const wrongAmount = await notify(success(paymentId, order.total - 1))
    expect(wrongAmount.status).toBe(422)
    expect(await wrongAmount.json()).toMatchObject({ errors: [{ field: 'body.amount' }] })
    expect((await notify(success(randomUUID(), order.total))).status).toBe(404)
    expect((await notify({ id: 'x', paymentId, amount: 'lots' })).status).toBe(400)
    expect(await orderState(core, mall, order.orderId)).toEqual(before)

    // A valid delivery is accepted; the same signed request sent again is a replay.
    const valid = JSON.stringify(success(paymentId, order.total, 'ntf-replayed'))
    const validHeader = signSandboxNotification(await secret(), valid, { timestamp: now })
    expect((await sendRaw(valid, validHeader)).status).toBe(200)
    const paid = await orderState(core, mall, order.orderId)
    expect(paid.order.status).toBe('paid')
    const replay = await sendRaw(valid, validHeader)
    expect(replay.status).toBe(409)
    // The same notification id with other content is a replay too.
    const other = await notify({
      ...success(paymentId, order.total, 'ntf-replayed'),
      status: 'failed',
    })
    expect(other.status).toBe(409)
    expect(await orderState(core, mall, order.orderId)).toEqual(paid)
  })

  it('answers 200 to a redelivered notification and moves the order once', async () => {
    const order = await seedOrder(core, mall, customerId)
    const { paymentId } = await startPayment(order.orderId)
    const first = await notify(success(paymentId, order.total, 'ntf-dup'))
    expect(await first.json()).toEqual({ received: true, outcome: 'applied' })
    const paid = await orderState(core, mall, order.orderId)
    core.clock.advance(60_000)
    const again = await notify(success(paymentId, order.total, 'ntf-dup'))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' })
    // A different notification of the same payment is recorded but moves nothing either.
    const second = await notify(success(paymentId, order.total))
    expect(await second.json()).toEqual({ received: true, outcome: 'duplicate' })
    const after = await orderState(core, mall, order.orderId)
    expect(after.transitions).toEqual(paid.transitions)
    expect(after.transitions.filter((t) => t.to_status === 'paid')).toHaveLength(1)
    expect(after.order).toEqual(paid.order)
    expect(after.payments).toEqual(paid.payments)
  })

  it('pays the order once when 20 deliveries of one notification race', async () => {
    const order = await seedOrder(core, mall, customerId)
    const { paymentId } = await startPayment(order.orderId)
    const raw = JSON.stringify(success(paymentId, order.total, 'ntf-race'))
    const header = signSandboxNotification(await secret(), raw, {
      timestamp: Math.floor(core.clock.now().getTime() / 1000),
    })
    const responses = await Promise.all(Array.from({ length: 20 }, () => sendRaw(raw, header)))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    const state = await orderState(core, mall, order.orderId)
    expect(state.order.status).toBe('paid')
    expect(state.transitions.filter((t) => t.to_status === 'paid')).toHaveLength(1)
    expect(state.notifications).toHaveLength(1)

    // Freshly signed redeliveries (a gateway retrying) all answer 200 and move nothing.
    const order2 = await seedOrder(core, mall, customerId)
    const second = await startPayment(order2.orderId)
    const retries = await Promise.all(
      Array.from({ length: 20 }, () =>
        notify(success(second.paymentId, order2.total, 'ntf-retry')),
      ),
    )
    expect(retries.map((r) => r.status)).toEqual(Array(20).fill(200))
    const outcomes = await Promise.all(retries.map((r) => r.json() as Promise<{ outcome: string }>))
    expect(outcomes.filter((o) => o.outcome === 'applied')).toHaveLength(1)
    const state2 = await orderState(core, mall, order2.orderId)
    expect(state2.transitions.filter((t) => t.to_status === 'paid')).toHaveLength(1)
  })

  it('records money that arrives after the order was cancelled, and lets staff refund it', async () => {
    const order = await seedOrder(core, mall, customerId)
    const { paymentId } = await startPayment(order.orderId)
    const tenant = await core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', mall.id)
      .executeTakeFirstOrThrow()
    await runInMall(core.services, { tenant, actor: { kind: 'system' } }, (ctx) =>
      cancelOrder(ctx, order.orderId, 'expired unpaid'),
    )
    const done = await shopper.request(
      'POST',
      `/pay/sandbox/${paymentId}/complete`,
      'outcome=pay',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    )
    expect(done.status).toBe(303)
    const state = await orderState(core, mall, order.orderId)
    expect(state.order.status).toBe('cancelled')
    expect(state.payments).toMatchObject([{ id: paymentId, status: 'succeeded' }])
    expect(state.transitions.map((t) => t.to_status)).toEqual(['cancelled'])
    const audit = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select('data')
        .where('tenant_id', '=', mall.id)
        .where('action', '=', 'payment.paid-after-cancel')
        .execute(),
    )
    expect(audit).toMatchObject([{ data: { paymentId, amount: order.total } }])

    const refund = await staff.post(
      `/s/sandbox-mall/api/admin/orders/${order.orderId}/refunds`,
      { amount: order.total, reason: 'paid after expiry' },
      { 'idempotency-key': 'late-pay' },
    )
    expect(refund.status).toBe(201)
    const after = await orderState(core, mall, order.orderId)
    expect(after.refunds).toEqual([{ amount: order.total, status: 'succeeded' }])
    expect(after.order.status).toBe('cancelled')
  })
})
