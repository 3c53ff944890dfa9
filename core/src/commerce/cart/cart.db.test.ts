import { createHash } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { definePlugin, definePluginServer } from '../../plugins/index.ts'
import { readJson, seedCustomers, seedSku } from '../orders/testing.ts'

const reason = (en: string) => ({ en, 'zh-CN': en })

/** Member price (line-level, −100 per line) then a coupon that sees it (order-level, −333). */
const pricing = definePluginServer(
  definePlugin({
    id: 'cart-pricing',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: reason('Pricing'),
    settings: z.object({}),
  }),
  {
    adjusters: [
      {
        name: 'coupon',
        stage: 'coupon',
        adjust: async (_ctx, draft) => [
          {
            code: 'coupon',
            amount: draft.adjustments.length > 0 ? -333 : -1,
            reason: reason('Coupon ¥3.33'),
          },
        ],
      },
      {
        name: 'member',
        stage: 'member-price',
        adjust: async (_ctx, draft) =>
          draft.lines.map((l) => ({
            code: 'member',
            amount: -100,
            reason: reason('Member price'),
            lineId: l.id,
          })),
      },
    ],
  },
)

describe('cart', () => {
  let core: TestCore
  let mall: TestMall
  let other: TestMall
  let guest: TestClient
  let a: string
  let b: string

  const setSku = (
    skuId: string,
    values: { price?: number; stock?: number; status?: 'active' | 'disabled' },
  ) =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx.updateTable('core__sku').set(values).where('id', '=', skuId).execute(),
    )
  const lineCount = () =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__cart_line').select('quantity').execute(),
    )

  beforeAll(async () => {
    core = await createTestCore({ plugins: [pricing] })
    mall = await core.createMall('carts')
    other = await core.createMall('elsewhere')
    a = (await seedSku(core.services, mall.id, { stock: 4, price: 1000 })).skuId
    b = (await seedSku(core.services, mall.id, { stock: 9, price: 500 })).skuId
    guest = core.client(mall.host)
  })
  afterAll(() => core.close())

  it('keeps a guest cart by an HttpOnly cookie whose token is stored only as its hash', async () => {
    const added = await guest.post('/api/store/cart/items', { skuId: a, quantity: 2 })
    expect(added.status).toBe(200)
    const cookie = added.headers
      .getSetCookie()
      .find((c) => c.startsWith(`mk_cart_${mall.id.replaceAll('-', '')}=`))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const token = [...guest.cookies].find(([name]) => name.startsWith('mk_cart_'))?.[1] as string
    const stored = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__cart').select('guest_token_hash').executeTakeFirstOrThrow(),
    )
    expect(stored.guest_token_hash).toBe(createHash('sha256').update(token).digest('hex'))
    const cart = await readJson(await guest.get('/api/store/cart'))
    expect(cart.lines).toMatchObject([
      { skuId: a, quantity: 2, unitPrice: 1000, problems: [], priceChange: null },
    ])
    expect(cart.total).toBe(2000)
  })

  it('reports a price change once, and flags lines out of stock or off sale', async () => {
    await setSku(a, { price: 1200 })
    const changed = await readJson(await guest.get('/api/store/cart'))
    expect(changed.lines[0]).toMatchObject({
      unitPrice: 1200,
      priceChange: { from: 1000, to: 1200 },
    })
    expect((await readJson(await guest.get('/api/store/cart'))).lines[0].priceChange).toBeNull()

    await guest.post('/api/store/cart/items', { skuId: b, quantity: 1 })
    await setSku(a, { stock: 1 })
    await setSku(b, { status: 'disabled' })
    const flagged = await readJson(await guest.get('/api/store/cart'))
    expect(flagged.lines.map((l: { problems: string[] }) => l.problems)).toEqual([
      ['insufficient_stock'],
      ['unavailable'],
    ])
    expect(flagged.total).toBe(0)
    await setSku(a, { stock: 4 })
    await setSku(b, { status: 'active' })
  })

  it('refuses bad quantities and unknown or foreign SKUs naming the field, writing nothing', async () => {
    const before = await lineCount()
    const foreign = (await seedSku(core.services, other.id, { stock: 5, price: 1 })).skuId
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/store/cart/items', { skuId: a, quantity: 0 }, 422, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: a, quantity: -1 }, 422, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: a, quantity: 1000 }, 422, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: a, quantity: 10 ** 9 }, 422, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: a, quantity: '2' }, 422, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: a, quantity: 3 }, 409, 'body.quantity'],
      ['POST', '/api/store/cart/items', { skuId: 'x', quantity: 1 }, 422, 'body.skuId'],
      ['POST', '/api/store/cart/items', { skuId: foreign, quantity: 1 }, 404, 'body.skuId'],
      ['PATCH', `/api/store/cart/items/${a}`, { quantity: 0 }, 422, 'body.quantity'],
      ['PATCH', `/api/store/cart/items/${a}`, { quantity: 5 }, 409, 'body.quantity'],
      ['PATCH', `/api/store/cart/items/${foreign}`, { quantity: 1 }, 404, 'path.skuId'],
      ['DELETE', `/api/store/cart/items/${foreign}`, undefined, 404, 'path.skuId'],
      ['DELETE', '/api/store/cart/items/nope', undefined, 422, 'path.skuId'],
    ]
    for (const [method, path, body, status, field] of cases) {
      const response = await guest.request(method, path, body)
      const problem = await readJson(response)
      expect([
        method,
        path,
        response.status,
        problem.errors?.map((e: { field: string }) => e.field),
      ]).toEqual([method, path, status, [field]])
    }
    expect(await lineCount()).toEqual(before)
  })

  it('explains prices: plugin adjusters run in stage order, only where the plugin is on', async () => {
    const plain = await readJson(await guest.get('/api/store/cart'))
    expect(plain.adjustments).toEqual([])
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    expect(
      (await owner.put('/s/carts/api/admin/plugins/cart-pricing', { enabled: true, settings: {} }))
        .status,
    ).toBe(200)
    const cart = await readJson(await guest.get('/api/store/cart'))
    // a: 2 × 1200 − 100 = 2300, b: 1 × 500 − 100 = 400; the coupon saw the member prices: −333.
    expect(
      cart.lines.map((l: { adjustments: { code: string }[] }) => l.adjustments.map((x) => x.code)),
    ).toEqual([['member'], ['member']])
    expect(cart.adjustments).toEqual([
      { code: 'coupon', amount: -333, reason: reason('Coupon ¥3.33') },
    ])
    expect(cart.lines.map((l: { allocation: number }) => l.allocation)).toEqual([284, 49])
    expect(cart.lines.map((l: { total: number }) => l.total)).toEqual([2016, 351])
    expect(cart).toMatchObject({ subtotal: 2900, discountTotal: 533, total: 2367 })
    await owner.put('/s/carts/api/admin/plugins/cart-pricing', { enabled: false, settings: {} })
  })

  it("merges the guest cart into the customer's on the next read, capped at stock", async () => {
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    const signedIn = core.client(mall.host)
    signedIn.cookies.set(name, value)
    await signedIn.post('/api/store/cart/items', { skuId: a, quantity: 3 })
    for (const [cookie, token] of guest.cookies)
      if (cookie.startsWith('mk_cart_')) signedIn.cookies.set(cookie, token)

    const merged = await signedIn.get('/api/store/cart')
    const cart = await readJson(merged)
    expect(cart.merged).toBe(true)
    expect(
      cart.lines.map((l: { skuId: string; quantity: number }) => [l.skuId, l.quantity]),
    ).toEqual([
      [a, 4],
      [b, 1],
    ])
    expect([...signedIn.cookies.keys()].some((k) => k.startsWith('mk_cart_'))).toBe(false)
    const carts = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__cart').select(['customer_id', 'guest_token_hash']).execute(),
    )
    expect(carts).toEqual([{ customer_id: customer!.id, guest_token_hash: null }])
    expect((await readJson(await signedIn.get('/api/store/cart'))).merged).toBe(false)
  })

  it('counts every one of 20 concurrent adds of the same SKU by one customer', async () => {
    const { skuId } = await seedSku(core.services, mall.id, { stock: 50, price: 100 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    const clients = Array.from({ length: 20 }, () => {
      const client = core.client(mall.host)
      client.cookies.set(name, value)
      return client
    })
    const responses = await Promise.all(
      clients.map((client) => client.post('/api/store/cart/items', { skuId, quantity: 1 })),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
    const cart = await readJson(await clients[0]!.get('/api/store/cart'))
    expect(
      cart.lines.map((l: { skuId: string; quantity: number }) => [l.skuId, l.quantity]),
    ).toEqual([[skuId, 20]])
  })

  it('refuses an add past the stock or 999 without changing the line', async () => {
    const { skuId } = await seedSku(core.services, mall.id, { stock: 5, price: 100 })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    const client = core.client(mall.host)
    client.cookies.set(name, value)
    expect((await client.post('/api/store/cart/items', { skuId, quantity: 3 })).status).toBe(200)
    const over = await client.post('/api/store/cart/items', { skuId, quantity: 3 })
    expect(over.status).toBe(409)
    expect((await readJson(over)).errors[0].field).toBe('body.quantity')
    await setSku(skuId, { stock: 5000 })
    expect((await client.post('/api/store/cart/items', { skuId, quantity: 990 })).status).toBe(200)
    const past = await client.post('/api/store/cart/items', { skuId, quantity: 7 })
    expect(past.status).toBe(422)
    expect((await readJson(past)).errors[0]).toMatchObject({ field: 'body.quantity' })
    const cart = await readJson(await client.get('/api/store/cart'))
    expect(cart.lines.map((l: { quantity: number }) => l.quantity)).toEqual([993])
  })
})
