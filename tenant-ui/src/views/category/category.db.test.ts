import { describe, expect, it } from 'vitest'
import { appHtml, embeddedState, useCatalogFixture } from '../../../test/catalog-fixture.ts'
import type { CategoryData } from './load.ts'

const fixture = useCatalogFixture()

describe('category view', () => {
  it("shows a category's subcategories and the products below it, before any script", async () => {
    const { status, html } = await fixture.get(`/categories/${fixture.ids.fruit}`)
    expect(status).toBe(200)
    expect(html).toContain('<title>水果 - Corner Shop</title>')
    const app = appHtml(html)
    expect(app).toMatch(new RegExp(`class="mk-chip" href="/categories/${fixture.ids.apples}"`))
    // The apple sits in a subcategory: a category lists its descendants' products.
    expect(app).toContain('富士苹果')
    expect(app).toContain('¥12.00')
    expect(app).toContain('¥17.00')
    expect(app).not.toContain('乌龙茶')
  })

  it('pages by cursor and sorts by the ?sort= the URL names', async () => {
    const first = embeddedState<CategoryData>(
      (await fixture.get(`/categories/${fixture.ids.bulk}?sort=price_desc&lang=en`)).html,
    ).view.data
    expect(first.sort).toBe('price_desc')
    expect(first.products).toHaveLength(24)
    expect(first.products[0]?.title).toBe('Bulk item 25')
    expect(first.nextCursor).toEqual(expect.any(String))

    // The cursor is the store API's: the browser's "load more" continues where the page ended.
    const query = new URLSearchParams({
      categoryId: fixture.ids.bulk,
      sort: 'price_desc',
      limit: '24',
      cursor: first.nextCursor ?? '',
    })
    const host = 'shop.localhost'
    const more = (await (
      await fixture.core.app.request(`http://${host}/api/store/products?${query}`, {
        headers: { host },
      })
    ).json()) as { items: { title: { en: string } }[]; nextCursor: string | null }
    expect(more.items.map((item) => item.title.en)).toEqual(['Bulk item 1'])
    expect(more.nextCursor).toBeNull()

    const asc = embeddedState<CategoryData>(
      (await fixture.get(`/categories/${fixture.ids.bulk}?sort=price_asc`)).html,
    ).view.data
    expect(asc.products[0]?.title).toBe('批量商品 1')
    const unknown = embeddedState<CategoryData>(
      (await fixture.get(`/categories/${fixture.ids.bulk}?sort=nope`)).html,
    ).view.data
    expect(unknown.sort).toBe('default')
  })

  it('marks the current sort and links the others', async () => {
    const app = appHtml((await fixture.get(`/categories/${fixture.ids.bulk}?sort=sales`)).html)
    expect(app).toMatch(/href="\/categories\/[^"]+\?sort=sales" aria-current="true"/)
    expect(app).toMatch(/href="\/categories\/[^"?]+" aria-current="false"/)
  })

  it('renders in English and shows an empty category as empty', async () => {
    const app = appHtml((await fixture.get(`/categories/${fixture.ids.empty}?lang=en`)).html)
    expect(app).toContain('Nothing here')
    expect(app).toContain('Nothing in this category yet')
  })

  it('is not found for an unknown category', async () => {
    const { status, html } = await fixture.get('/categories/00000000-0000-4000-8000-000000000000')
    expect(status).toBe(404)
    expect(appHtml(html)).toContain('页面不存在')
  })
})
