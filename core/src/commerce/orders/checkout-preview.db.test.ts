import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedAddress, seedCustomers, seedSku } from './testing.ts'

describe('checkout preview', () => {
  let core: TestCore
  let mall: TestMall
  let shopper: TestClient
  let addressId: string
  let sku: { skuId: string; productId: string }

  const preview = (body: unknown) => shopper.post('/api/store/checkout/preview', body)
  const orderCount = () =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__order')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).then((r) => Number(r.n))

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('preview')
    sku = await seedSku(core.services, mall.id, { stock: 5, price: 3000 })
    const [buyer] = await seedCustomers(core.services, mall.id, 1)
    addressId = await seedAddress(core.services, mall.id, buyer!.id)
    shopper = core.client(mall.host)
    const [name, value] = buyer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    const template = await owner.post('/s/preview/api/admin/shipping-templates', {
      name: 'Everywhere',
      basis: 'piece',
      freeThreshold: 10_000,
      rules: [{ regions: ['*'], first: 1, firstFee: 800, additional: 1, additionalFee: 200 }],
    })
    expect(template.status).toBe(201)
  })
  afterAll(() => core.close())

  it('prices buy-now items without shipping until a delivery is chosen, then with its fee', async () => {
    const items = [{ skuId: sku.skuId, quantity: 2 }]
    const bare = await preview({ items })
    expect(bare.status).toBe(200)
    expect(await readJson(bare)).toMatchObject({
      currency: 'CNY',
      subtotal: 6000,
      shippingFee: 0,
      total: 6000,
      shippingKnown: false,
      lines: [{ skuId: sku.skuId, quantity: 2, unitPrice: 3000, total: 6000, imageUrl: null }],
    })
    const shipped = await readJson(
      await preview({ items, delivery: { method: 'delivery', addressId } }),
    )
    expect(shipped).toMatchObject({ shippingFee: 1000, total: 7000, shippingKnown: true })
    expect(await orderCount()).toBe(0)
  })

  it('quotes the cart when no items are sent, and the placed order costs what was quoted', async () => {
    expect(
      (await shopper.post('/api/store/cart/items', { skuId: sku.skuId, quantity: 4 })).status,
    ).toBe(200)
    const delivery = { method: 'delivery', addressId }
    const quoted = await readJson(await preview({ delivery }))
    expect(quoted).toMatchObject({ subtotal: 12_000, shippingFee: 0, total: 12_000 })
    const placed = await shopper.post(
      '/api/store/checkout',
      { delivery },
      { 'idempotency-key': 'p-1' },
    )
    expect(placed.status).toBe(201)
    expect((await readJson(placed)).total).toBe(quoted.total)
  })

  it('answers what checkout would refuse, naming the field, and asks for a login', async () => {
    const tooMany = await preview({ items: [{ skuId: sku.skuId, quantity: 99 }] })
    expect([tooMany.status, (await readJson(tooMany)).errors[0].field]).toEqual([
      409,
      'body.items.0.skuId',
    ])
    const emptyCart = await preview({})
    expect([emptyCart.status, (await readJson(emptyCart)).errors[0].field]).toEqual([
      422,
      'body.items',
    ])
    const stranger = await core
      .client(mall.host)
      .post('/api/store/checkout/preview', { items: [{ skuId: sku.skuId, quantity: 1 }] })
    expect(stranger.status).toBe(401)
  })
})
