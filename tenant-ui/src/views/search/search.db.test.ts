import { describe, expect, it } from 'vitest'
import { appHtml, embeddedState, useCatalogFixture } from '../../../test/catalog-fixture.ts'
import type { SearchData } from './load.ts'

const fixture = useCatalogFixture()

const api = async (path: string) => {
  const host = 'shop.localhost'
  return fixture.core.app.request(`http://${host}/api/store${path}`, { headers: { host } })
}

describe('search view', () => {
  it('renders the results of ?q= on the server, keeping the query in the box', async () => {
    const { status, html } = await fixture.get('/search?q=%E4%B9%8C%E9%BE%99')
    expect(status).toBe(200)
    expect(html).toContain('<title>“乌龙”的搜索结果 - Corner Shop</title>')
    const app = appHtml(html)
    expect(app).toContain('value="乌龙"')
    expect(app).toContain('乌龙茶')
    expect(app).toContain(`href="/products/${fixture.ids.oolong}"`)
    expect(app).not.toContain('富士苹果')
  })

  it('finds by pinyin and in English', async () => {
    expect(appHtml((await fixture.get('/search?q=wulong')).html)).toContain('乌龙茶')
    const en = appHtml((await fixture.get('/search?q=oolong&lang=en')).html)
    expect(en).toContain('Oolong tea')
    expect(en).toContain('Best match')
  })

  it('does not count a search itself, and shows hot searches without a query', async () => {
    const before = (await fixture.get('/search')).html
    expect(embeddedState<SearchData>(before).view.data.hot).toEqual([])
    expect(embeddedState<SearchData>(before).view.data.results).toBeNull()
    // The browser counts the search through the store API (see SearchView).
    expect((await api('/search?q=oolong&limit=1')).status).toBe(200)
    const app = appHtml((await fixture.get('/search?lang=en')).html)
    expect(app).toContain('Popular searches')
    expect(app).toContain('href="/search?q=oolong"')
  })

  it('says nothing matched and offers the hot searches', async () => {
    const app = appHtml((await fixture.get('/search?q=zzzzqqq&lang=en')).html)
    expect(app).toContain('Nothing matches “zzzzqqq”')
    expect(app).toContain('Popular searches')
  })

  it('lists every product in the order ?sort= names, with a cursor the API continues', async () => {
    const data = embeddedState<SearchData>((await fixture.get('/search?sort=price_asc')).html).view
      .data
    expect(data.results?.products).toHaveLength(20)
    expect(data.results?.products[0]?.title).toBe('批量商品 1')
    const query = new URLSearchParams({
      sort: 'price_asc',
      limit: '20',
      cursor: data.results?.nextCursor ?? '',
    })
    const more = (await (await api(`/search?${query}`)).json()) as { items: unknown[] }
    expect(more.items).toHaveLength(7)
  })

  it('suggests titles for the first keystrokes', async () => {
    const answer = (await (await api('/search/suggest?q=wu&locale=en')).json()) as {
      suggestions: { text: string }[]
    }
    expect(answer.suggestions.map((s) => s.text)).toContain('Oolong tea')
  })
})
