import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedAddress, seedCustomers, seedSku, type SeededCustomer } from './testing.ts'

describe('checkout', () => {
  let core: TestCore
  let mall: TestMall
  let other: TestMall
  let buyer: SeededCustomer
  let shopper: TestClient
  let addressId: string
  let sku: { skuId: string; productId: string }
  let otherSku: { skuId: string }

  const key = (k: string) => ({ 'idempotency-key': k })
  const stockOf = (skuId: string) =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__sku').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow(),
    ).then((r) => r.stock)
  const orderCount = () =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__order')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).then((r) => Number(r.n))

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('shop')
    other = await core.createMall('other')
    sku = await seedSku(core.services, mall.id, { stock: 5, price: 1999 })
    otherSku = await seedSku(core.services, other.id, { stock: 5, price: 100 })
    ;[buyer] = (await seedCustomers(core.services, mall.id, 1)) as [SeededCustomer]
    addressId = await seedAddress(core.services, mall.id, buyer.id)
    shopper = core.client(mall.host)
    const [name, value] = buyer.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
  })
  afterAll(() => core.close())

  const body = (quantity = 1) => ({
    items: [{ skuId: sku.skuId, quantity }],
    delivery: { method: 'delivery', addressId },
  })

  it('places an order that holds stock, with a per-day number, and replays it for the same key', async () => {
    const placed = await shopper.post('/api/store/checkout', body(2), key('k-1'))
    expect(placed.status).toBe(201)
    const order = await readJson(placed)
    expect(order.status).toBe('pending_payment')
    expect(order.number).toMatch(/^\d{8}-000001$/)
    expect(order.total).toBe(3998)
    expect(order.lines[0]).toMatchObject({
      quantity: 2,
      unitPrice: 1999,
      total: 3998,
      title: { en: 'Phone' },
    })
    expect(order.delivery.address.province).toBe('浙江省')
    expect(await stockOf(sku.skuId)).toBe(3)

    const replay = await shopper.post('/api/store/checkout', { ...body(2), note: '' }, key('k-1'))
    expect(replay.status).toBe(200)
    expect((await readJson(replay)).id).toBe(order.id)
    expect(await stockOf(sku.skuId)).toBe(3)

    const changed = await shopper.post('/api/store/checkout', body(1), key('k-1'))
    expect(changed.status).toBe(422)
    expect((await readJson(changed)).errors[0].field).toBe('header.idempotency-key')
    expect(await orderCount()).toBe(1)
  })

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = await orderCount()
    const cases: [unknown, Record<string, string>, number, string][] = [
      [body(1), {}, 422, 'header.idempotency-key'],
      [body(1), key('x'.repeat(101)), 422, 'header.idempotency-key'],
      [body(0), key('b1'), 422, 'body.items.0.quantity'],
      [body(10 ** 9), key('b2'), 422, 'body.items.0.quantity'],
      [
        { ...body(1), items: [{ skuId: sku.skuId, quantity: 1.5 }] },
        key('b3'),
        422,
        'body.items.0.quantity',
      ],
      [
        { ...body(1), items: [{ skuId: 'nope', quantity: 1 }] },
        key('b4'),
        422,
        'body.items.0.skuId',
      ],
      [
        { ...body(1), items: [{ skuId: otherSku.skuId, quantity: 1 }] },
        key('b5'),
        422,
        'body.items.0.skuId',
      ],
      [
        { ...body(1), delivery: { method: 'delivery', addressId: otherSku.skuId } },
        key('b6'),
        422,
        'body.delivery.addressId',
      ],
      [
        { ...body(1), delivery: { method: 'pickup', pickupPointId: otherSku.skuId } },
        key('b7'),
        422,
        'body.delivery.pickupPointId',
      ],
      [{ ...body(1), delivery: { method: 'drone' } }, key('b8'), 422, 'body.delivery.method'],
      [body(4), key('b9'), 409, 'body.items.0.skuId'],
      [{ delivery: { method: 'delivery', addressId } }, key('b10'), 422, 'body.items'],
    ]
    for (const [payload, headers, status, field] of cases) {
      const response = await shopper.post('/api/store/checkout', payload, headers)
      expect([response.status, field]).toEqual([status, field])
      expect((await readJson(response)).errors.map((e: { field: string }) => e.field)).toContain(
        field,
      )
    }
    expect(await orderCount()).toBe(before)
    expect(await stockOf(sku.skuId)).toBe(3)
  })

  it('needs a signed-in customer', async () => {
    const anonymous = core.client(mall.host)
    expect((await anonymous.post('/api/store/checkout', body(1), key('anon'))).status).toBe(401)
  })

  it('checks out the cart, empties the bought lines, and ships free on pickup', async () => {
    expect(
      (await shopper.post('/api/store/cart/items', { skuId: sku.skuId, quantity: 1 })).status,
    ).toBe(200)
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    const point = await readJson(
      await owner.post('/s/shop/api/admin/pickup-points', {
        name: '西湖店',
        address: '杭州西湖区',
      }),
    )
    const placed = await shopper.post(
      '/api/store/checkout',
      { delivery: { method: 'pickup', pickupPointId: point.id } },
      key('cart-1'),
    )
    expect(placed.status).toBe(201)
    const order = await readJson(placed)
    expect(order).toMatchObject({
      shippingFee: 0,
      total: 1999,
      delivery: { method: 'pickup', pickupPoint: { name: '西湖店' } },
    })
    expect((await readJson(await shopper.get('/api/store/cart'))).lines).toEqual([])
  })

  it('cancels an unpaid order after the timeout and puts its stock back (manual clock)', async () => {
    const placed = await readJson(
      await shopper.post('/api/store/checkout', body(1), key('expire-1')),
    )
    expect(await stockOf(sku.skuId)).toBe(1)
    core.clock.advance(29 * 60_000)
    await core.worker.drain()
    expect((await readJson(await shopper.get(`/api/store/orders/${placed.id}`))).status).toBe(
      'pending_payment',
    )
    core.clock.advance(2 * 60_000)
    await core.worker.drain()
    const after = await readJson(await shopper.get(`/api/store/orders/${placed.id}`))
    expect(after.status).toBe('cancelled')
    expect(after.cancelReason).toMatch(/expired/)
    expect(after.timeline.map((t: { status?: string }) => t.status)).toEqual([
      'pending_payment',
      'cancelled',
    ])
    // Every order so far was unpaid and placed at the same clock time: all expired, all stock back.
    expect(await stockOf(sku.skuId)).toBe(5)
    const reservations = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__stock_reservation')
        .select('status')
        .where('order_id', '=', placed.id)
        .execute(),
    )
    expect(reservations).toEqual([{ status: 'released' }])
  })

  it('lets the customer cancel an unpaid order once, and lists their orders with a cursor', async () => {
    const placed = await readJson(
      await shopper.post('/api/store/checkout', body(1), key('cancel-1')),
    )
    const stock = await stockOf(sku.skuId)
    expect((await shopper.post(`/api/store/orders/${placed.id}/cancel`)).status).toBe(200)
    expect((await shopper.post(`/api/store/orders/${placed.id}/cancel`)).status).toBe(200)
    expect(await stockOf(sku.skuId)).toBe(stock + 1)
    const first = await readJson(await shopper.get('/api/store/orders?limit=2'))
    expect(first.items).toHaveLength(2)
    const rest = await readJson(
      await shopper.get(`/api/store/orders?limit=10&cursor=${first.nextCursor}`),
    )
    expect([...first.items, ...rest.items].map((o: { id: string }) => o.id)).toHaveLength(
      await orderCount(),
    )
    expect((await shopper.get('/api/store/orders?cursor=bogus')).status).toBe(422)
  })
})
