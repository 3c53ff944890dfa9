import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedAddress, seedCustomers, seedSku } from './testing.ts'

describe("the storefront's order pages and cart pictures", () => {
  let core: TestCore
  let mall: TestMall
  let shopper: TestClient
  let addressId: string
  let skuId: string
  const thumb = (mallId: string) => `${mallId}/thumb/phone.webp`

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('orders-page')
    const sku = await seedSku(core.services, mall.id, { stock: 50, price: 1000 })
    skuId = sku.skuId
    await withTenant(core.services.db, mall.id, async (tx) => {
      const media = await tx
        .insertInto('core__media')
        .values({
          tenant_id: mall.id,
          storage_key: `${mall.id}/original/phone.jpg`,
          content_type: 'image/jpeg',
          bytes: 1000,
          width: 800,
          height: 800,
          variants: JSON.stringify({ thumb: { key: thumb(mall.id), width: 240, height: 240 } }),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('core__product_image')
        .values({ tenant_id: mall.id, product_id: sku.productId, media_id: media.id })
        .execute()
    })
    const [buyer] = await seedCustomers(core.services, mall.id, 1)
    addressId = await seedAddress(core.services, mall.id, buyer!.id)
    shopper = core.client(mall.host)
    const [name, value] = buyer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
  })
  afterAll(() => core.close())

  const place = async (quantity: number, key: string) => {
    const response = await shopper.post(
      '/api/store/checkout',
      { items: [{ skuId, quantity }], delivery: { method: 'delivery', addressId } },
      { 'idempotency-key': key },
    )
    expect(response.status).toBe(201)
    return (await readJson(response)).id as string
  }

  it("shows cart lines with the product's small picture", async () => {
    const cart = await readJson(await shopper.post('/api/store/cart/items', { skuId, quantity: 1 }))
    expect(cart.lines[0].imageUrl).toBe('/media/thumb/phone.webp')
  })

  it('lists orders by status with a preview of their lines, and lines carry pictures', async () => {
    const cancelled = await place(1, 'list-1')
    const open = await place(3, 'list-2')
    expect((await shopper.post(`/api/store/orders/${cancelled}/cancel`)).status).toBe(200)

    const all = await readJson(await shopper.get('/api/store/orders'))
    // Both may share the same millisecond, so the order between them is the id's.
    expect(all.items.map((o: { id: string }) => o.id).sort()).toEqual([open, cancelled].sort())
    expect(all.items.find((o: { id: string }) => o.id === open).preview).toEqual({
      itemCount: 3,
      lineCount: 1,
      firstTitle: { en: 'Phone', 'zh-CN': '手机' },
      imageUrls: ['/media/thumb/phone.webp'],
    })
    const toPay = await readJson(await shopper.get('/api/store/orders?status=pending_payment'))
    expect(toPay.items.map((o: { id: string }) => o.id)).toEqual([open])
    const toShip = await readJson(
      await shopper.get('/api/store/orders?status=paid,partially_shipped'),
    )
    expect(toShip.items).toEqual([])
    const bad = await shopper.get('/api/store/orders?status=paid,lost')
    expect([bad.status, (await readJson(bad)).errors[0].field]).toEqual([422, 'query.status.1'])

    const detail = await readJson(await shopper.get(`/api/store/orders/${open}`))
    expect(detail.lines[0].imageUrl).toBe('/media/thumb/phone.webp')
  })
})
