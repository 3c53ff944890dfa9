import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../core/test/app.ts'
import { discoverPlugins } from '../../../core/src/plugins/discover.ts'
import { bootShop, type Shop } from '../../../tenant-ui/test/catalog-fixture.ts'
import server from '../src/server/index.ts'

/**
 * The points mall block in the real storefront build. Its HTML is cached and shared: the server
 * renders the title and a skeleton, never an item's name, price or a customer's points (the list
 * is public and loads after hydration, like the customer's points and the buttons' state).
 */
describe('points mall block', () => {
  let shop: Shop
  let owner: TestClient
  let customer: TestClient

  beforeAll(async () => {
    const coupons = (await discoverPlugins()).find((plugin) => plugin.manifest.id === 'coupons')
    if (!coupons) throw new Error('the coupons plugin is not installed')
    shop = await bootShop('en', { plugins: [coupons, server] })
    owner = await shop.owner()
    for (const id of ['coupons', 'membership'])
      expect((await owner.put(`/api/admin/plugins/${id}`, { enabled: true })).status).toBe(200)
    const template = await owner.post('/api/admin/p/coupons/templates', {
      name: 'Tea ¥5',
      benefit: { kind: 'amount_off', amount: 500 },
      validity: { kind: 'relative', days: 30 },
      status: 'live',
    })
    expect(template.status).toBe(201)
    const item = await owner.post('/api/admin/p/membership/points-mall/items', {
      name: 'Oolong voucher',
      couponTemplateId: ((await template.json()) as { id: string }).id,
      points: 5,
      stock: 3,
    })
    expect(item.status, await item.clone().text()).toBe(201)
    const page = await owner.post('/api/admin/pages', { path: '/', title: { en: 'Home' } })
    const home = ((await page.json()) as { id: string }).id
    const draft = {
      document: {
        schemaVersion: 1,
        root: {},
        blocks: [{ id: 'mall', type: 'membership/points-mall', props: {} }],
      },
    }
    expect((await owner.put(`/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    expect((await owner.post(`/api/admin/pages/${home}/publish`, {})).status).toBe(200)

    customer = new TestClient(shop.core, 'shop.localhost')
    const registered = await customer.post('/api/store/auth/register', {
      name: 'Xiulan',
      email: 'lan@points-mall-block.test',
      password: 'password-1',
    })
    expect(registered.status).toBe(201)
    expect((await customer.post('/api/store/p/membership/check-in')).status).toBe(201)
  }, 180_000)

  afterAll(() => shop?.close())

  it('renders a titled skeleton, nothing of the list or the customer, in either language', async () => {
    for (const [lang, title] of [
      ['zh-CN', '积分商城'],
      ['en', 'Points mall'],
    ] as const) {
      const html = await (await customer.get(`/?lang=${lang}`)).text()
      expect(html).toMatch(new RegExp(`<h2 class="mk-member__title"[^>]*>${title}</h2>`))
      expect(html.match(/class="mk-member__skeleton"/g)).toHaveLength(1)
      expect(html).not.toContain('Oolong voucher')
      expect(html).not.toContain('mk-mall__offer')
      expect(html).not.toContain('Xiulan')
    }
  })

  it('serves the list publicly and the exchange to the signed-in customer', async () => {
    const guest = new TestClient(shop.core, 'shop.localhost')
    const list = await guest.get('/api/store/p/membership/points-mall')
    expect(list.headers.get('cache-control')).toBe('public, max-age=15')
    const { items } = (await list.json()) as { items: { id: string; name: string }[] }
    expect(items.map((i) => i.name)).toEqual(['Oolong voucher'])
    const tap = await customer.post(
      `/api/store/p/membership/points-mall/${items[0]!.id}/exchange`,
      undefined,
      { 'idempotency-key': 'block-test' },
    )
    expect(tap.status, await tap.clone().text()).toBe(201)
    const wallet = (await (await customer.get('/api/store/p/coupons/mine')).json()) as {
      usable: { name?: string }[]
    }
    expect(wallet.usable).toHaveLength(1)
  })

  it('renders nothing, and the routes answer 404, once membership is off', async () => {
    expect((await owner.put('/api/admin/plugins/membership', { enabled: false })).status).toBe(200)
    const html = await (await customer.get('/')).text()
    expect(html).not.toContain('mk-member')
    expect((await customer.get('/api/store/p/membership/points-mall')).status).toBe(404)
    expect((await owner.put('/api/admin/plugins/membership', { enabled: true })).status).toBe(200)
  })
})
