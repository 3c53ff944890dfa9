import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../core/test/app.ts'
import { bootShop, type Shop } from '../../../tenant-ui/test/catalog-fixture.ts'
import coupons from '../src/server/index.ts'

/**
 * The coupons blocks in the real storefront build: the server renders the claim centre's
 * skeleton (nothing personal, the coupons load after hydration) only while the plugin is on.
 */
describe('coupons storefront blocks', () => {
  let shop: Shop
  let owner: TestClient
  let home: string
  const shopper = () => new TestClient(shop.core, 'shop.localhost')
  const skeletons = (html: string) => html.match(/class="mk-coupon mk-coupon--skeleton"/g) ?? []

  beforeAll(async () => {
    shop = await bootShop('en', { plugins: [coupons] })
    owner = await shop.owner()
    expect((await owner.put('/api/admin/plugins/coupons', { enabled: true })).status).toBe(200)
    const page = await owner.post('/api/admin/pages', { path: '/', title: { en: 'Home' } })
    home = ((await page.json()) as { id: string }).id
  }, 180_000)

  afterAll(() => shop?.close())

  async function publish(blocks: unknown[]) {
    const draft = { document: { schemaVersion: 1, root: {}, blocks } }
    expect((await owner.put(`/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    const published = await owner.post(`/api/admin/pages/${home}/publish`, {})
    expect(published.status, await published.clone().text()).toBe(200)
  }

  it('server-renders the claim centre as a skeleton sized like its list, nothing personal', async () => {
    await publish([{ id: 'centre', type: 'coupons/coupon-centre', props: { title: 'Deals' } }])
    const html = await (await shopper().get('/')).text()
    expect(html).toMatch(/<section[^>]*class="mk-coupons[^"]*"[^>]*aria-busy="true"/)
    expect(html).toMatch(/<h2 class="mk-coupons__title"[^>]*>Deals<\/h2>/)
    // All live coupons, limit 10: three skeleton tickets until the list is known.
    expect(skeletons(html)).toHaveLength(3)
    expect(html).not.toContain('mk-coupon__button')
  })

  it('sizes the skeleton by the chosen coupons and titles it in the page language by default', async () => {
    const ids = ['0190a6a0-0000-7000-8000-000000000001', '0190a6a0-0000-7000-8000-000000000002']
    await publish([
      {
        id: 'centre',
        type: 'coupons/coupon-centre',
        props: { source: 'chosen', templateIds: ids },
      },
      { id: 'gift', type: 'coupons/new-customer-gift', props: { templateIds: ids } },
    ])
    const html = await (await shopper().get('/?lang=zh-CN')).text()
    expect(skeletons(html)).toHaveLength(2)
    expect(html).toMatch(/<h2 class="mk-coupons__title"[^>]*>领券中心<\/h2>/)
    // The gift popup decides in the browser: the server renders no dialog.
    expect(html).not.toContain('role="dialog"')
  })

  it('stops rendering the blocks on the next request once the plugin is disabled', async () => {
    await publish([{ id: 'centre', type: 'coupons/coupon-centre', props: {} }])
    expect(skeletons(await (await shopper().get('/')).text())).toHaveLength(3)
    expect((await owner.put('/api/admin/plugins/coupons', { enabled: false })).status).toBe(200)
    const html = await (await shopper().get('/')).text()
    expect(html).not.toContain('mk-coupons')
    expect(skeletons(html)).toHaveLength(0)
    expect((await shopper().get('/api/store/p/coupons/offers')).status).toBe(404)
    expect((await owner.put('/api/admin/plugins/coupons', { enabled: true })).status).toBe(200)
    expect(skeletons(await (await shopper().get('/')).text())).toHaveLength(3)
  })
})
