import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TestClient } from '../../test/app.ts'
import { createTestDb } from '../../test/db.ts'
import { bootCore, type Core } from '../boot.ts'
import { tshirtBody } from '../commerce/catalog/test-support.ts'
import { loadConfig } from '../config/env.ts'
import { ensurePlans } from '../demo/seed.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { definePlugin, definePluginServer } from '../plugins/index.ts'
import { createMall } from '../tenancy/tenants.ts'
import { discoverStorefront } from './discover.ts'
import type { StorefrontFacet } from './facet.ts'

/**
 * Storefront documents and catalog answers are cached per process and forgotten on the commit of
 * anything they show: a publish, a product, a plugin switched off, the mall itself.
 */

const PASSWORD = 'owner-password-1'
const gift = definePluginServer(
  definePlugin({
    id: 'gift',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Gift', 'zh-CN': '礼物' },
    settings: z.object({}),
    blocks: {
      popup: {
        label: { en: 'Gift popup', 'zh-CN': '礼物弹窗' },
        icon: 'lucide:gift',
        category: 'marketing',
        props: z.object({ text: z.string().default('A gift for you') }),
      },
    },
  }),
  {},
)

describe('storefront caches', () => {
  let core: Core
  let mallId: string
  let owner: TestClient
  let home: string
  let productId: string
  /** Runs once, between a render and its answer, when set (the race guard's test). */
  let duringRender: (() => Promise<void>) | null = null
  const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-cache-'))
  const shopper = () => new TestClient(core, 'shop.localhost')
  const cacheOf = (response: Response) => response.headers.get('x-mallkit-cache')

  beforeAll(async () => {
    const real = await discoverStorefront()
    if (!real) throw new Error('tenant-ui not found')
    await real.ensureBuilt()
    const storefront: StorefrontFacet = {
      coreBlocks: real.coreBlocks,
      ensureBuilt: (log) => real.ensureBuilt(log),
      ownsPath: (path) => real.ownsPath(path),
      asset: (path) => real.asset(path),
      async render(input) {
        const answer = await real.render(input)
        const work = duringRender
        duringRender = null
        await work?.()
        return answer
      },
    }
    core = await bootCore({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MALLKIT_DATA_DIR: dataDir }),
      database: await createTestDb(),
      skipMigrations: true,
      plugins: [gift],
      storefront,
      log: pino({ level: 'silent' }),
    })
    await ensurePlans(core.services.db)
    const ownerEmail = 'owner@cache.test'
    mallId = (
      await createMall(
        core.services.db,
        {
          slug: 'shop',
          name: 'Cache Shop',
          defaultLocale: 'en',
          currency: 'CNY',
          timezone: 'Asia/Shanghai',
          planId: 'standard',
          owner: { email: ownerEmail, name: 'Owner', password: PASSWORD },
        },
        null,
      )
    ).id
    const platform = new TestClient(core, 'localhost')
    await platform.loginStaff(ownerEmail, PASSWORD)
    owner = new TestClient(core, 'shop.localhost')
    for (const [name, value] of platform.cookies) owner.cookies.set(name, value)

    const created = await owner.post('/api/admin/products', tshirtBody())
    expect(created.status).toBe(201)
    productId = ((await created.json()) as { id: string }).id
    const page = await owner.post('/api/admin/pages', { path: '/', title: { en: 'Home' } })
    home = ((await page.json()) as { id: string }).id
    expect((await owner.put('/api/admin/plugins/gift', { enabled: true })).status).toBe(200)
    await publish([
      { id: 'grid', type: 'core/product-grid', props: { source: { kind: 'new' } } },
      { id: 'present', type: 'gift/popup', props: {} },
    ])
  }, 120_000)

  afterAll(async () => {
    await core?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function publish(blocks: unknown[]) {
    const draft = { document: { schemaVersion: 1, root: {}, blocks } }
    expect((await owner.put(`/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    expect((await owner.post(`/api/admin/pages/${home}/publish`, {})).status).toBe(200)
  }

  const retitle = (en: string) =>
    owner.put(`/api/admin/products/${productId}`, tshirtBody({ title: { en, 'zh-CN': en } }))

  it('answers the second request from the cache, with an ETag that revalidates', async () => {
    await retitle('Linen Shirt')
    const first = await shopper().get('/')
    expect(first.status).toBe(200)
    expect(cacheOf(first)).toBe('miss')
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const html = await first.text()
    expect(html).toContain('Linen Shirt')
    const second = await shopper().get('/')
    expect(cacheOf(second)).toBe('hit')
    expect(await second.text()).toBe(html)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)
    const revalidated = await shopper().get('/', { 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
    // Locale and query are part of the key.
    expect(cacheOf(await shopper().get('/?lang=zh-CN'))).toBe('miss')
    expect(cacheOf(await shopper().get('/?lang=zh-CN'))).toBe('hit')
  })

  it('sends browsers the document in brotli, and gzip to clients without it, each with its ETag', async () => {
    const plain = await (await shopper().get('/')).text()
    const browser = await shopper().get('/', { 'accept-encoding': 'gzip, deflate, br' })
    expect(browser.headers.get('content-encoding')).toBe('br')
    expect(browser.headers.get('vary')).toBe('accept-encoding')
    // Like every answer, it names its request; a shared answer never sets a cookie.
    expect(browser.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
    expect(browser.headers.get('set-cookie')).toBeNull()
    const brotli = Buffer.from(await browser.arrayBuffer())
    expect(brotliDecompressSync(brotli).toString('utf8')).toBe(plain)
    expect(brotli.length).toBeLessThan(Buffer.byteLength(plain) / 2)
    const etag = browser.headers.get('etag') ?? ''
    expect(etag).toMatch(/-br1"$/)
    const again = await shopper().get('/', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)

    const zipped = await shopper().get('/', { 'accept-encoding': 'gzip, deflate' })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plain)
    expect(zipped.headers.get('etag')).toBe(etag.replace(/-br1"$/, '-gz"'))
    // A client that refuses both gets the plain body.
    const refused = await shopper().get('/', { 'accept-encoding': 'gzip;q=0, identity' })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(await refused.text()).toBe(plain)
    const refusedByName = await shopper().get('/', { 'accept-encoding': 'gzip;q=0, br;q=0, *' })
    expect(refusedByName.headers.get('content-encoding')).toBeNull()
  })

  it('replaces the quick brotli copy of a popular document with a better one', async () => {
    const path = '/?brotli-test=1'
    const plain = await (await shopper().get(path)).text()
    const browser = { 'accept-encoding': 'gzip, deflate, br' }
    const quick = await shopper().get(path, browser)
    const quickBytes = (await quick.arrayBuffer()).byteLength
    const etags: string[] = []
    // The better copy is started by the 8th hit and made on a pool thread; the quick one meanwhile.
    await expect
      .poll(
        async () => {
          const answer = await shopper().get(path, browser)
          etags.push(answer.headers.get('etag') ?? '')
          return answer.headers.get('etag')
        },
        { timeout: 15_000 },
      )
      .toMatch(/-br"$/)
    expect(etags.slice(0, 6).every((etag) => etag.endsWith('-br1"'))).toBe(true)
    const answer = await shopper().get(path, browser)
    expect(answer.headers.get('content-encoding')).toBe('br')
    const bytes = Buffer.from(await answer.arrayBuffer())
    expect(brotliDecompressSync(bytes).toString('utf8')).toBe(plain)
    expect(bytes.length).toBeLessThan(quickBytes)
    const etag = answer.headers.get('etag') ?? ''
    expect(etag.replace(/-br"$/, '')).toBe((quick.headers.get('etag') ?? '').replace(/-br1"$/, ''))
    expect((await shopper().get(path, { ...browser, 'if-none-match': etag })).status).toBe(304)
  })

  it('caches the 404 page too', async () => {
    expect(cacheOf(await shopper().get('/no-such-page'))).toBe('miss')
    const again = await shopper().get('/no-such-page')
    expect(again.status).toBe(404)
    expect(cacheOf(again)).toBe('hit')
  })

  it('shows a new publish on the next request', async () => {
    await shopper().get('/')
    expect(cacheOf(await shopper().get('/'))).toBe('hit')
    await publish([
      { id: 'grid', type: 'core/product-grid', props: { source: { kind: 'new' } } },
      { id: 'present', type: 'gift/popup', props: {} },
      { id: 'text', type: 'core/rich-text', props: { html: { en: '<p>Fresh news</p>' } } },
    ])
    const after = await shopper().get('/')
    expect(cacheOf(after)).toBe('miss')
    expect(await after.text()).toContain('Fresh news')
  })

  it('shows a product change in pages and in the catalog API on the next request', async () => {
    await shopper().get('/')
    const api = `/api/store/products/${productId}`
    expect(cacheOf(await shopper().get(api))).toBe('miss')
    expect(cacheOf(await shopper().get(api))).toBe('hit')
    expect(cacheOf(await shopper().get('/api/store/products?limit=5'))).toBe('miss')
    expect(cacheOf(await shopper().get('/api/store/products?limit=5'))).toBe('hit')

    expect((await retitle('Silk Shirt')).status).toBe(200)
    const page = await (await shopper().get('/')).text()
    expect(page).toContain('Silk Shirt')
    expect(page).not.toContain('Linen Shirt')
    const detail = await shopper().get(api)
    expect(cacheOf(detail)).toBe('miss')
    expect(((await detail.json()) as { title: { en: string } }).title.en).toBe('Silk Shirt')
    const list = (await (await shopper().get('/api/store/products?limit=5')).json()) as {
      items: { title: { en: string } }[]
    }
    expect(list.items.map((item) => item.title.en)).toEqual(['Silk Shirt'])
  })

  it('renders a new query string from the mall’s cached content, forgotten on a change too', async () => {
    // `?v=` is not a parameter the page reads: another HTML entry, the same content read.
    expect(cacheOf(await shopper().get('/?v=1'))).toBe('miss')
    expect((await retitle('Wool Shirt')).status).toBe(200)
    const after = await shopper().get('/?v=2')
    expect(cacheOf(after)).toBe('miss')
    expect(await after.text()).toContain('Wool Shirt')
  })

  it("drops a plugin's block from the page when the plugin is switched off", async () => {
    expect(await (await shopper().get('/')).text()).toContain('gift/popup')
    expect(cacheOf(await shopper().get('/'))).toBe('hit')
    expect((await owner.put('/api/admin/plugins/gift', { enabled: false })).status).toBe(200)
    const after = await shopper().get('/')
    expect(cacheOf(after)).toBe('miss')
    expect(await after.text()).not.toContain('gift/popup')
    expect((await owner.put('/api/admin/plugins/gift', { enabled: true })).status).toBe(200)
    expect(await (await shopper().get('/')).text()).toContain('gift/popup')
  })

  it('shows the draft to a preview link, uncached and unindexed, and the published page to others', async () => {
    const draft = {
      document: {
        schemaVersion: 1,
        root: {},
        blocks: [
          { id: 'note', type: 'core/notice-bar', props: { text: { en: 'Draft only news' } } },
        ],
      },
    }
    expect((await owner.put(`/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    const made = await owner.post(`/api/admin/pages/${home}/preview`, {})
    expect(made.status).toBe(201)
    const { token } = (await made.json()) as { token: string }
    for (let i = 0; i < 2; i++) {
      const preview = await shopper().get(`/?mk_preview=${encodeURIComponent(token)}`)
      expect(preview.status).toBe(200)
      expect(preview.headers.get('cache-control')).toBe('no-store')
      expect(preview.headers.get('x-robots-tag')).toBe('noindex')
      expect(preview.headers.get('x-mallkit-cache')).toBeNull()
      expect(await preview.text()).toContain('Draft only news')
    }
    expect(await (await shopper().get('/')).text()).not.toContain('Draft only news')
    expect((await shopper().get('/?mk_preview=not-a-token')).status).toBe(404)
    // The token is for the home page only.
    expect((await shopper().get(`/about?mk_preview=${encodeURIComponent(token)}`)).status).toBe(404)
  })

  it('does not keep a render that a change overtook', async () => {
    await shopper().get('/')
    await retitle('Wool Shirt')
    // The render reads the old title; the product changes before the answer is stored.
    duringRender = async () => {
      await withTenant(core.services.db, mallId, (tx) =>
        tx
          .updateTable('core__product')
          .set({ title: JSON.stringify({ en: 'Cashmere Shirt', 'zh-CN': 'Cashmere Shirt' }) })
          .where('id', '=', productId)
          .execute(),
      )
    }
    const raced = await shopper().get('/')
    expect(await raced.text()).toContain('Wool Shirt')
    expect(cacheOf(raced)).toBe('bypass')
    const next = await shopper().get('/')
    expect(cacheOf(next)).toBe('miss')
    expect(await next.text()).toContain('Cashmere Shirt')
  })

  it("shows the mall's new name, and its suspension, on the next request", async () => {
    await shopper().get('/')
    await core.services.db
      .updateTable('core__tenant')
      .set({ name: 'Renamed Shop' })
      .where('id', '=', mallId)
      .execute()
    const renamed = await shopper().get('/')
    expect(cacheOf(renamed)).toBe('miss')
    expect(await renamed.text()).toContain('Renamed Shop')
    await core.services.db
      .updateTable('core__tenant')
      .set({ status: 'suspended' })
      .where('id', '=', mallId)
      .execute()
    expect((await shopper().get('/')).status).toBe(403)
    await core.services.db
      .updateTable('core__tenant')
      .set({ status: 'active' })
      .where('id', '=', mallId)
      .execute()
    expect((await shopper().get('/')).status).toBe(200)
  })

  it('serves robots.txt and a sitemap of the home page, categories and active products', async () => {
    const robots = await shopper().get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(await robots.text()).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: http://shop.localhost/sitemap.xml\n',
    )
    const byPath = new TestClient(core, 'localhost')
    expect(await (await byPath.get('/s/shop/robots.txt')).text()).toContain(
      'Sitemap: http://localhost/s/shop/sitemap.xml',
    )

    const category = await owner.post('/api/admin/categories', { name: { en: 'Shirts' } })
    expect(category.status).toBe(201)
    const categoryId = ((await category.json()) as { id: string }).id
    const about = await owner.post('/api/admin/pages', { path: '/about', title: { en: 'About' } })
    const aboutId = ((await about.json()) as { id: string }).id
    await owner.put(`/api/admin/pages/${aboutId}/draft`, {
      document: { schemaVersion: 1, root: {}, blocks: [] },
    })
    expect((await owner.post(`/api/admin/pages/${aboutId}/publish`, {})).status).toBe(200)
    const draftOnly = await owner.post('/api/admin/pages', { path: '/soon', title: {} })
    expect(draftOnly.status).toBe(201)
    const hidden = await owner.post('/api/admin/products', tshirtBody({ status: 'draft' }, 'HD'))
    const hiddenId = ((await hidden.json()) as { id: string }).id

    const sitemap = await shopper().get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/)
    const xml = await sitemap.text()
    const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
    expect(locations).toEqual([
      'http://shop.localhost/',
      'http://shop.localhost/about',
      `http://shop.localhost/categories/${categoryId}`,
      `http://shop.localhost/products/${productId}`,
    ])
    expect(xml).not.toContain(hiddenId)
    const prefixed = await (await byPath.get('/s/shop/sitemap.xml')).text()
    expect(prefixed).toContain(`<loc>http://localhost/s/shop/products/${productId}</loc>`)
    expect((await new TestClient(core, 'localhost').get('/sitemap.xml')).status).toBe(404)
  })
})
