import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { runInMall } from '../../mall-context.ts'
import { markOrderPaid } from './order-state.ts'
import { readJson, seedAddress, seedCustomers, seedSku } from './testing.ts'

const DAY = 24 * 60 * 60 * 1000

describe('order lifecycle', () => {
  let core: TestCore
  let mall: TestMall
  let shopper: TestClient
  let owner: TestClient
  let addressId: string
  let skus: string[]
  let n = 0

  const place = async (quantities: number[] = [2, 1]) => {
    const response = await shopper.post(
      '/api/store/checkout',
      {
        items: quantities.map((quantity, i) => ({ skuId: skus[i], quantity })),
        delivery: { method: 'delivery', addressId },
      },
      { 'idempotency-key': `order-${n++}` },
    )
    expect(response.status).toBe(201)
    return readJson(response)
  }
  /** What the payments module does once a provider confirms: the kernel's side of it. */
  const pay = async (orderId: string, amount: number) => {
    const tenant = await core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', mall.id)
      .executeTakeFirstOrThrow()
    return runInMall(core.services, { tenant, actor: { kind: 'system' } }, (ctx) =>
      markOrderPaid(ctx, orderId, { paymentId: 'test-payment', amount }),
    )
  }
  const admin = (path: string) => `/s/life/api/admin${path}`
  const statuses = (order: { timeline: { kind: string; status?: string }[] }) =>
    order.timeline.map((t) => (t.kind === 'status' ? t.status : 'parcel'))

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('life')
    skus = [
      (await seedSku(core.services, mall.id, { stock: 100, price: 1000 })).skuId,
      (await seedSku(core.services, mall.id, { stock: 100, price: 250 })).skuId,
    ]
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    addressId = await seedAddress(core.services, mall.id, customer!.id)
    shopper = core.client(mall.host)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
  })
  afterAll(() => core.close())

  it('pays once, ships in parcels, confirms receipt automatically and completes after the return window', async () => {
    const order = await place()
    expect(await pay(order.id, order.total + 1).catch((e: Error) => e.message)).toMatch(/total/)
    expect(await pay(order.id, order.total)).toBe(true)
    expect(await pay(order.id, order.total)).toBe(false)
    // Lines read back in the order they were bought.
    expect(
      order.lines.map((l: { skuId: string; quantity: number }) => [l.skuId, l.quantity]),
    ).toEqual([
      [skus[0], 2],
      [skus[1], 1],
    ])
    const [big, small] = order.lines

    const bad: [unknown, string][] = [
      [
        { carrier: '', trackingNumber: 'SF1', lines: [{ lineId: big.id, quantity: 1 }] },
        'body.carrier',
      ],
      [
        { carrier: 'SF', trackingNumber: 'SF 1', lines: [{ lineId: big.id, quantity: 1 }] },
        'body.trackingNumber',
      ],
      [{ carrier: 'SF', trackingNumber: 'SF1', lines: [] }, 'body.lines'],
      [
        { carrier: 'SF', trackingNumber: 'SF1', lines: [{ lineId: big.id, quantity: 0 }] },
        'body.lines.0.quantity',
      ],
      [
        { carrier: 'SF', trackingNumber: 'SF1', lines: [{ lineId: big.id, quantity: 3 }] },
        'body.lines.0.quantity',
      ],
      [
        { carrier: 'SF', trackingNumber: 'SF1', lines: [{ lineId: addressId, quantity: 1 }] },
        'body.lines.0.lineId',
      ],
    ]
    for (const [body, field] of bad) {
      const response = await owner.post(admin(`/orders/${order.id}/shipments`), body)
      expect([response.status, (await readJson(response)).errors?.[0]?.field]).toEqual([422, field])
    }
    const partial = await owner.post(admin(`/orders/${order.id}/shipments`), {
      carrier: 'SF',
      trackingNumber: 'SF1001',
      lines: [{ lineId: big.id, quantity: 1 }],
    })
    expect(partial.status).toBe(201)
    expect((await readJson(partial)).status).toBe('partially_shipped')
    const full = await readJson(
      await owner.post(admin(`/orders/${order.id}/shipments`), {
        carrier: 'YTO',
        trackingNumber: 'YT2002',
        lines: [
          { lineId: big.id, quantity: 1 },
          { lineId: small.id, quantity: 1 },
        ],
      }),
    )
    expect(full.status).toBe('shipped')
    expect(full.shipments.map((s: { trackingNumber: string }) => s.trackingNumber)).toEqual([
      'SF1001',
      'YT2002',
    ])
    expect(
      (
        await owner.post(admin(`/orders/${order.id}/shipments`), {
          carrier: 'SF',
          trackingNumber: 'X1',
          lines: [{ lineId: small.id, quantity: 1 }],
        })
      ).status,
    ).toBe(409)

    core.clock.advance(10 * DAY - 60_000)
    await core.worker.drain()
    expect((await readJson(await shopper.get(`/api/store/orders/${order.id}`))).status).toBe(
      'shipped',
    )
    core.clock.advance(2 * 60_000)
    await core.worker.drain()
    expect((await readJson(await shopper.get(`/api/store/orders/${order.id}`))).status).toBe(
      'received',
    )
    core.clock.advance(7 * DAY + 60_000)
    await core.worker.drain()
    const done = await readJson(await shopper.get(`/api/store/orders/${order.id}`))
    expect(done.status).toBe('completed')
    expect(statuses(done)).toEqual([
      'pending_payment',
      'paid',
      'parcel',
      'partially_shipped',
      'parcel',
      'shipped',
      'received',
      'completed',
    ])
    const reservations = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__stock_reservation')
        .select('status')
        .where('order_id', '=', order.id)
        .execute(),
    )
    expect(reservations.map((r) => r.status)).toEqual(['consumed', 'consumed'])
  })

  it('lets the customer confirm receipt of a shipped order only', async () => {
    const order = await place([1, 1])
    expect((await shopper.post(`/api/store/orders/${order.id}/receive`)).status).toBe(409)
    await pay(order.id, order.total)
    await owner.post(admin(`/orders/${order.id}/shipments`), {
      carrier: 'SF',
      trackingNumber: 'SF3003',
      lines: order.lines.map((l: { id: string }) => ({ lineId: l.id, quantity: 1 })),
    })
    const received = await shopper.post(`/api/store/orders/${order.id}/receive`)
    expect((await readJson(received)).status).toBe('received')
    expect(
      (await readJson(await shopper.post(`/api/store/orders/${order.id}/receive`))).status,
    ).toBe('received')
    // The auto-receipt timer finds it received already and does nothing.
    core.clock.advance(7 * DAY + 60_000)
    await core.worker.drain()
    expect((await readJson(await shopper.get(`/api/store/orders/${order.id}`))).status).toBe(
      'completed',
    )
    expect((await shopper.post(`/api/store/orders/${order.id}/cancel`)).status).toBe(409)
  })

  it('lists, filters and cancels for staff', async () => {
    const pending = await place([1])
    const bad = await owner.post(admin(`/orders/${pending.id}/cancel`), { reason: '' })
    expect([bad.status, (await readJson(bad)).errors[0].field]).toEqual([422, 'body.reason'])
    const cancelled = await readJson(
      await owner.post(admin(`/orders/${pending.id}/cancel`), { reason: '客户要求' }),
    )
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '客户要求', payments: [] })

    const paidOne = await place([1])
    await pay(paidOne.id, paidOne.total)
    expect((await owner.post(admin(`/orders/${paidOne.id}/cancel`), { reason: 'x' })).status).toBe(
      409,
    )

    const byStatus = await readJson(await owner.get(admin('/orders?status=cancelled')))
    expect(byStatus.items.map((o: { id: string }) => o.id)).toEqual([pending.id])
    const byNumber = await readJson(await owner.get(admin(`/orders?q=${paidOne.number.slice(-6)}`)))
    expect(byNumber.items.map((o: { id: string }) => o.id)).toEqual([paidOne.id])
    const future = new Date(core.clock.now().getTime() + DAY).toISOString()
    expect((await readJson(await owner.get(admin(`/orders?from=${future}`)))).items).toEqual([])
    const page = await readJson(await owner.get(admin('/orders?limit=2')))
    const rest = await readJson(
      await owner.get(admin(`/orders?limit=10&cursor=${page.nextCursor}`)),
    )
    expect(page.items.length + rest.items.length).toBe(4)
    for (const query of ['status=lost', 'from=yesterday', 'limit=0', 'limit=1000000000'])
      expect((await owner.get(admin(`/orders?${query}`))).status).toBe(422)
    expect((await owner.get(admin('/orders/00000000-0000-4000-8000-000000000000'))).status).toBe(
      404,
    )
  })
})
