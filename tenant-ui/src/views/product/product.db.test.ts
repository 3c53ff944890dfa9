import { describe, expect, it } from 'vitest'
import { appHtml, embeddedState, useCatalogFixture } from '../../../test/catalog-fixture.ts'
import type { ProductViewData } from './data.ts'

const fixture = useCatalogFixture()

describe('product view', () => {
  it('renders a product with its price range, specs, shipping and sanitized description', async () => {
    const { status, html } = await fixture.get(`/products/${fixture.ids.oolong}`)
    expect(status).toBe(200)
    expect(html).toContain('<title>乌龙茶 - Corner Shop</title>')
    expect(html).toContain('<meta name="description" content="高山茶园">')
    expect(html).toContain('<meta property="og:type" content="product">')
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/[^"/]+\/media\/[^"]+\/medium\.webp">/,
    )
    const app = appHtml(html)
    expect(app).toContain('乌龙茶')
    expect(app).toContain('¥38.00–¥68.00')
    expect(app).toMatch(/<legend class="mk-spec__name">规格<\/legend>/)
    // The sold-out size is disabled; the other can be chosen.
    expect(app).toMatch(/<button[^>]*disabled[^>]*>50克</)
    expect(app).toMatch(/<button[^>]*aria-pressed="false"[^>]*>100克</)
    expect(app).toContain('¥8.00，满 ¥99.00 包邮，偏远地区运费另计')
    // The catalog sanitized the description on save; the page shows what is left.
    expect(app).toMatch(/<div data-hk="[0-9a-z]+" class="mk-product__description"><p>清香回甘<\/p>/)
    expect(html).not.toContain('alert(1)')
    expect(app).toContain('加入购物车')
    expect(app).toContain('立即购买')
  })

  it('renders in English on ?lang=en', async () => {
    const { html } = await fixture.get(`/products/${fixture.ids.oolong}?lang=en`)
    const app = appHtml(html)
    expect(app).toContain('Oolong tea')
    expect(app).toContain('>100 g<')
    expect(app).toContain('<p>Fragrant with a sweet finish</p>')
    expect(app).toContain('¥8.00, free from ¥99.00, remote regions cost more')
    expect(app).toContain('Add to cart')
  })

  it('chooses the only SKU of a product without specs, with its stock', async () => {
    const { html } = await fixture.get(`/products/${fixture.ids.apple}?lang=en`)
    const app = appHtml(html)
    expect(app).toContain('Fuji apple')
    expect(app).toContain('Only 3 left')
    expect(app).toMatch(/<s [^>]*class="mk-product__compare">[^]*?¥17\.00/)
    const data = embeddedState<ProductViewData>(html).view.data
    expect(data.skus).toHaveLength(1)
    expect(data.maxQuantity).toBe(999)
  })

  it('is not found for unknown and unpublished products', async () => {
    expect((await fixture.get(`/products/${fixture.ids.draft}`)).status).toBe(404)
    const unknown = await fixture.get('/products/00000000-0000-4000-8000-000000000000?lang=en')
    expect(unknown.status).toBe(404)
    expect(appHtml(unknown.html)).toContain('Page not found')
  })
})
