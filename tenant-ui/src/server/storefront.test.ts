import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/src/boot.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { createCategory } from '../../../core/src/commerce/catalog/category-service.ts'
import { ProductInput } from '../../../core/src/commerce/catalog/product-input.ts'
import { saveProduct } from '../../../core/src/commerce/catalog/product-write.ts'
import { bootShop, type Shop } from '../../test/catalog-fixture.ts'
import { everyBlockPage } from '../../test/every-block-page.ts'

let shop: Shop | undefined
let core: Core
let tenantId: string

const get = (path: string, host = 'shop.localhost') =>
  core.app.request(`http://${host}${path}`, { headers: { host } })

/** Publishes `document` at `/` as the next version, as the page store would. */
async function publishHome(document: unknown) {
  await withTenant(core.services.db, tenantId, async (tx) => {
    const page =
      (await tx.selectFrom('core__page').select(['id', 'published_version']).executeTakeFirst()) ??
      (await tx
        .insertInto('core__page')
        .values({
          tenant_id: tenantId,
          path: '/',
          kind: 'home',
          title: '{}',
          draft: JSON.stringify(document),
        })
        .returning(['id', 'published_version'])
        .executeTakeFirstOrThrow())
    const version = (page.published_version ?? 0) + 1
    await tx
      .insertInto('core__page_version')
      .values({
        tenant_id: tenantId,
        page_id: page.id,
        version,
        document: JSON.stringify(document),
      })
      .execute()
    await tx
      .updateTable('core__page')
      .set({ published_version: version })
      .where('id', '=', page.id)
      .execute()
  })
}

beforeAll(async () => {
  shop = await bootShop('en')
  core = shop.core
  tenantId = shop.tenantId
}, 120_000)

afterAll(() => shop?.close())

describe('storefront pages', () => {
  it('shows the placeholder until a home page is published', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('This mall is being set up')
    expect(html).not.toContain('id="mk-app"')
  })

  it('renders around unknown blocks, sanitizes rich text and escapes embedded data', async () => {
    await publishHome({
      schemaVersion: 1,
      root: {
        title: { en: 'Sale </title><script>alert(1)</script>' },
        seo: { description: { en: 'Everything "must" go' } },
        theme: { primary: '#0a7d38', radius: 4 },
      },
      blocks: [
        { id: 'h', type: 'core/header', props: {} },
        { id: 'x', type: 'core/no-such-block', props: {} },
        { id: 'w', type: 'lucky-wheel/wheel', props: {} },
        {
          id: 't',
          type: 'core/rich-text',
          props: {
            html: { en: '<p onclick="steal()">Hello <b>there</b></p><script>alert(2)</script>' },
          },
        },
        { id: 'g', type: 'core/product-grid', props: { source: { kind: 'new' } } },
      ],
    })
    const response = await get('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<title>Sale &#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).toContain('<meta name="description" content="Everything &#34;must&#34; go">')
    expect(html).toContain('--mk-primary:#0a7d38;')
    expect(html).toContain('--mk-radius:4px;')
    expect(html).toContain('Corner Shop</a>')
    expect(html).toContain('<p>Hello there</p>')
    expect(html).not.toContain('onclick')
    expect(html).not.toContain('alert(2)')
    expect(html).toContain('No products yet')

    const state = /<script type="application\/json" id="mk-state">([^]*?)<\/script>/.exec(html)?.[1]
    expect(state).toBeDefined()
    expect(state).not.toContain('<')
    const parsed = JSON.parse(state ?? '{}') as {
      locale: string
      view: { data: { blocks: { type: string }[] } }
    }
    expect(parsed.locale).toBe('en')
    expect(parsed.view.data.blocks.map((block) => block.type)).toEqual([
      'core/header',
      'core/rich-text',
      'core/product-grid',
    ])
  })

  it('renders in the locale the request asks for', async () => {
    const html = await (await get('/?lang=zh-CN')).text()
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('暂无商品')
  })

  it('serves built browser files on any host, and nothing else under the asset prefix', async () => {
    const html = await (await get('/')).text()
    const entry = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(entry).toMatch(/^\/_mk\/assets\//)
    const script = await get(entry, 'localhost')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('/_mk/assets/nope.js', 'localhost')).status).toBe(404)
    expect((await get('/_mk/assets/..%2f..%2fpackage.json', 'localhost')).status).toBe(404)
  })

  it("renders every newer block on the server, with each tab's products in the HTML", async () => {
    const categories = await withTenant(core.services.db, tenantId, async (tx) => {
      const scope = { db: tx, tenant: { id: tenantId } }
      const fruit = await createCategory(scope, { name: { en: 'Fruit' }, parentId: null })
      const tea = await createCategory(scope, { name: { en: 'Tea' }, parentId: null })
      const product = (title: string, categoryId: string, price: number) =>
        saveProduct(
          scope,
          ProductInput.parse({
            title: { en: title },
            categoryId,
            status: 'active',
            skus: [{ price, compareAtPrice: price + 500, stock: 3 }],
          }),
        )
      await product('Fuji apple', fruit, 1200)
      await product('Oolong tea', tea, 3800)
      return { fruit, tea }
    })
    await publishHome(everyBlockPage(categories))
    const html = await (await get('/')).text()

    // Image cube and icon navigation: links and alt text.
    expect(html).toContain('href="/promo/autumn"')
    expect(html).toContain('alt="Autumn sale"')
    expect(html).toContain('Hot deals')
    expect(html).toContain('href="/coupons"')
    // Hot zones: named links positioned over the one image.
    expect(html).toContain('alt="Spring poster"')
    expect(html).toMatch(
      /class="mk-cube__zone" href="\/search\?q=tea" aria-label="Tea" style="left:\s?50%;\s?top:\s?20%;\s?width:\s?50%;\s?height:\s?80%/,
    )
    // Category tabs: both tabs' products are rendered; the first tab is selected.
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Fruit</)
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*>Fine tea</)
    expect(html).toMatch(/role="tabpanel"[^>]*-panel-0"[^>]*>.*?Fuji apple/)
    expect(html).toMatch(/role="tabpanel"[^>]*-panel-1"[^>]*hidden>.*?Oolong tea/)
    // Product list: price and compare-at price.
    expect(html).toContain('All products')
    expect(html).toContain('¥38.00')
    expect(html).toMatch(/class="mk-plist__compare">¥43\.00<\/s>/)
    // Divider, video, customer service, tab bar.
    expect(html).toContain('border-top:1px dashed #cc0000')
    expect(html).toContain('poster="/media/video/poster.webp"')
    expect(html).toContain('<source src="https://cdn.test/videos/tour.webm" type="video/webm"')
    const video = /<video [^>]*>/.exec(html)?.[0] ?? ''
    expect(video).toContain('preload="none"')
    expect(video).toContain('playsinline')
    expect(video).toContain('controls')
    expect(video).not.toContain('autoplay')
    expect(html).toContain('aria-label="Store tour"')
    expect(html).toContain('href="tel:4001234567"')
    expect(html).toContain('aria-label="Customer service"')
    expect(html).toContain('Wishlist')
    expect(html).toContain('My account')
    expect(html).toContain('href="/wishlist"')

    const state = /<script type="application\/json" id="mk-state">([^]*?)<\/script>/.exec(html)?.[1]
    const parsed = JSON.parse(state ?? '{}') as { view: { data: { blocks: { type: string }[] } } }
    expect(parsed.view.data.blocks.map((block) => block.type)).toEqual(
      everyBlockPage(categories).blocks.map((block) => block.type),
    )

    const zh = await (await get('/?lang=zh-CN')).text()
    expect(zh).toContain('收藏')
    expect(zh).toContain('aria-label="店铺参观"')
    expect(zh).toContain('aria-label="联系客服"')
    expect(zh).toContain('全部商品')
  })

  it('keeps the 403 page of a suspended mall', async () => {
    await core.services.db
      .updateTable('core__tenant')
      .set({ status: 'suspended' })
      .where('id', '=', tenantId)
      .execute()
    const response = await get('/')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('id="mk-app"')
  })
})
