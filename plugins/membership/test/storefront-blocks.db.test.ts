import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedSku } from '../../../core/src/commerce/orders/testing.ts'
import { TestClient } from '../../../core/test/app.ts'
import { bootShop, type Shop } from '../../../tenant-ui/test/catalog-fixture.ts'
import server from '../src/server/index.ts'

const BLOCKS = [
  'member-card',
  'check-in',
  'top-up',
  'paid-card',
  'benefits',
  'points-history',
  'balance-history',
]

/**
 * The membership blocks in the real storefront build: the server renders skeletons only, even
 * for a signed-in customer with points and a balance (the HTML is cached and shared; personal
 * data loads after hydration: a guest and a customer get the same HTML), and nothing once the
 * plugin is off.
 */
describe('membership storefront blocks', () => {
  let shop: Shop
  let owner: TestClient
  let customer: TestClient
  let home: string
  const skeletons = (html: string) => html.match(/class="mk-member__skeleton"/g) ?? []

  beforeAll(async () => {
    shop = await bootShop('en', { plugins: [server] })
    owner = await shop.owner()
    expect((await owner.put('/api/admin/plugins/membership', { enabled: true })).status).toBe(200)
    const page = await owner.post('/api/admin/pages', { path: '/', title: { en: 'Home' } })
    home = ((await page.json()) as { id: string }).id
    const draft = {
      document: {
        schemaVersion: 1,
        root: {},
        blocks: BLOCKS.map((name) => ({ id: name, type: `membership/${name}`, props: {} })),
      },
    }
    expect((await owner.put(`/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    expect((await owner.post(`/api/admin/pages/${home}/publish`, {})).status).toBe(200)

    // A customer who checked in: 5 points the HTML must never show.
    customer = new TestClient(shop.core, 'shop.localhost')
    const registered = await customer.post('/api/store/auth/register', {
      name: 'Mei',
      email: 'mei@membership-blocks.test',
      password: 'password-1',
    })
    expect(registered.status, await registered.clone().text()).toBe(201)
    expect((await customer.post('/api/store/p/membership/check-in')).status).toBe(201)
  }, 180_000)

  afterAll(() => shop?.close())

  it('renders each block as a titled skeleton, nothing personal, even for a signed-in customer', async () => {
    const html = await (await customer.get('/?lang=zh-CN')).text()
    expect(skeletons(html)).toHaveLength(BLOCKS.length)
    for (const title of [
      '会员中心',
      '每日签到',
      '储值充值',
      '付费会员卡',
      '会员权益',
      '积分明细',
      '余额明细',
    ])
      expect(html).toMatch(new RegExp(`<h2 class="mk-member__title"[^>]*>${title}</h2>`))
    expect(html).not.toContain('member-points')
    expect(html).not.toContain('mk-member__calendar')
    expect(html).not.toContain('Mei')
  })

  it('serves a guest and a signed-in customer the same HTML: no tier, plan or rule of theirs', async () => {
    // The customer holds a card trial; the programme offers a plan: neither is in the HTML.
    const sku = await seedSku(shop.core.services, shop.tenantId, { stock: 10, price: 1_990 })
    const settings = await owner.put('/api/admin/plugins/membership', {
      enabled: true,
      settings: {
        card: { enabled: true, plans: [{ id: 'monthly', days: 31, skuId: sku.skuId }] },
        points: { share: 5 },
      },
    })
    expect(settings.status, await settings.clone().text()).toBe(200)
    expect((await customer.post('/api/store/p/membership/card/trial')).status).toBe(201)
    const program = await (await customer.get('/api/store/p/membership/program')).json()
    expect(program.card.plans).toEqual([
      { id: 'monthly', days: 31, skuId: sku.skuId, price: 1_990 },
    ])

    const guest = new TestClient(shop.core, 'shop.localhost')
    const asGuest = await (await guest.get('/?lang=zh-CN')).text()
    const asCustomer = await (await customer.get('/?lang=zh-CN')).text()
    expect(asCustomer).toBe(asGuest)
    expect(skeletons(asCustomer)).toHaveLength(BLOCKS.length)
    for (const personal of [
      'mk-member__benefits--mine',
      'aria-current',
      'mk-member__badge',
      'mk-member__card',
      'mk-member__paid',
      'mk-member__threshold',
      sku.skuId,
    ])
      expect(asCustomer).not.toContain(personal)
    expect(
      (await owner.put('/api/admin/plugins/membership', { enabled: true, settings: {} })).status,
    ).toBe(200)
  })

  it('stops rendering the blocks once the plugin is disabled', async () => {
    expect((await owner.put('/api/admin/plugins/membership', { enabled: false })).status).toBe(200)
    const html = await (await customer.get('/')).text()
    expect(html).not.toContain('mk-member')
    expect((await customer.get('/api/store/p/membership/me')).status).toBe(404)
    expect((await owner.put('/api/admin/plugins/membership', { enabled: true })).status).toBe(200)
    expect(skeletons(await (await customer.get('/')).text())).toHaveLength(BLOCKS.length)
  })
})
