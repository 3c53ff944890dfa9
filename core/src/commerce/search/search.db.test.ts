import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { insertFixtureCategory, insertFixtureProduct } from './search-fixtures.ts'
import type { SearchItem } from './search-schemas.ts'

interface Page {
  items: SearchItem[]
  nextCursor: string | null
}

let core: TestCore
let mall: TestMall
let other: TestMall
let client: TestClient
const ids: Record<string, string> = {}
let digital = ''
let phones = ''

async function search(query: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await client.get(`/api/store/search?${query}`, headers)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as Page
}
const titles = (page: Page) => page.items.map((i) => i.title)

beforeAll(async () => {
  core = await createTestCore()
  mall = await core.createMall('srch-a')
  other = await core.createMall('srch-b')
  client = core.client(mall.host)
  const day = (n: number) => new Date(Date.UTC(2026, 0, n))
  await withTenant(core.services.db, mall.id, async (tx) => {
    digital = await insertFixtureCategory(tx, mall.id, { 'zh-CN': '数码', en: 'Digital' })
    phones = await insertFixtureCategory(tx, mall.id, { 'zh-CN': '手机', en: 'Phones' }, digital)
    const add = (key: string, product: Parameters<typeof insertFixtureProduct>[2]) =>
      insertFixtureProduct(tx, mall.id, product).then((id) => (ids[key] = id))
    await add('phone', {
      title: { 'zh-CN': '手机', en: 'Mobile Phone' },
      categoryId: phones,
      tags: ['new'],
      salesCount: 50,
      createdAt: day(5),
      skus: [{ price: 199900, compareAt: 259900, stock: 5 }],
      image: { thumb: 'p/phone-240.webp', medium: 'p/phone-720.webp' },
    })
    await add('case', {
      title: { 'zh-CN': '手机壳', en: 'Phone Case' },
      categoryId: digital,
      tags: ['accessory'],
      salesCount: 300,
      createdAt: day(4),
      skus: [{ price: 2900, stock: 0 }],
    })
    await add('headphones', {
      title: { 'zh-CN': '蓝牙耳机', en: 'Bluetooth Headphones' },
      tags: ['new', 'audio'],
      salesCount: 120,
      createdAt: day(3),
      skus: [
        { price: 39900, compareAt: 45900, stock: 0 },
        { price: 29900, compareAt: 35900, stock: 3 },
        { price: 100, stock: 99, status: 'disabled' },
      ],
    })
    await add('watch', {
      title: { 'zh-CN': '智能手表', en: 'Smart Watch' },
      salesCount: 10,
      createdAt: day(2),
      skus: [{ price: 99900, stock: 2 }],
    })
    await add('draft', {
      title: { 'zh-CN': '手机支架', en: 'Phone Stand' },
      status: 'draft',
      skus: [{ price: 1900 }],
    })
    for (let n = 1; n <= 9; n++)
      await add(`sock${n}`, {
        title: { 'zh-CN': `袜子${n}号`, en: `Sock ${n}` },
        tags: ['sock'],
        // Ties on purpose: pages must still cover each product exactly once.
        salesCount: n % 3,
        createdAt: day(10 + (n % 2)),
        skus: [{ price: 500 + (n % 4) * 100, stock: n % 2 }],
      })
  })
  await withTenant(core.services.db, other.id, async (tx) => {
    ids.foreign = await insertFixtureProduct(tx, other.id, {
      title: { 'zh-CN': '手机', en: 'Mobile Phone' },
      skus: [{ price: 100 }],
    })
  })
})

afterAll(async () => {
  await core?.close()
})

describe('store search', () => {
  it.each(['shouji', 'sj', '手ji', '手机', 'SHOU JI'])('finds 手机 first by %s', async (q) => {
    const page = await search(`q=${encodeURIComponent(q)}`, { 'accept-language': 'zh-CN' })
    expect(page.items[0]?.id).toBe(ids.phone)
    expect(titles(page)).toContain('手机壳')
    expect(page.items.map((i) => i.id)).not.toContain(ids.draft)
    expect(page.items.map((i) => i.id)).not.toContain(ids.foreign)
  })

  it('tolerates a one-letter typo in an English name', async () => {
    const page = await search('q=headphnes')
    expect(page.items.map((i) => i.id)).toEqual([ids.headphones])
    expect(page.items[0]?.title).toBe('Bluetooth Headphones')
  })

  it('finds every word of a several-word query in any order, in any spelling', async () => {
    expect((await search('q=headphones%20bluetooth')).items.map((i) => i.id)).toEqual([
      ids.headphones,
    ])
    const mixed = await search(`q=${encodeURIComponent('case 手机')}`)
    expect(mixed.items[0]?.id).toBe(ids.case)
    expect((await search('q=case%20shouji')).items[0]?.id).toBe(ids.case)
  })

  it('describes each card from its active SKUs and first image', async () => {
    const [headphones] = (await search('q=headphones')).items
    expect(headphones).toEqual({
      id: ids.headphones,
      title: 'Bluetooth Headphones',
      priceMin: 29900,
      priceMax: 39900,
      compareAtPrice: 35900,
      inStock: true,
      imageUrl: null,
      salesCount: 120,
    })
    const [phone] = (await search('q=mobile')).items
    expect(phone?.imageUrl).toBe('/media/phone-720.webp')
    expect(phone?.compareAtPrice).toBe(259900)
  })

  it('ranks a whole-name match above a substring, and a substring above a fuzzy match', async () => {
    // 手机 is a whole name of the phone and only a substring of the case's name.
    expect(
      (await search(`q=${encodeURIComponent('手机')}`)).items.slice(0, 2).map((i) => i.id),
    ).toEqual([ids.phone, ids.case])
    const exact = await search(`q=${encodeURIComponent('手机壳')}`)
    // The case contains 手机壳; the phone only resembles its pinyin (shoujike ~ shouji).
    expect(exact.items.map((i) => i.id)).toEqual([ids.case, ids.phone])
  })

  it('takes LIKE wildcards in the query literally', async () => {
    expect((await search('q=%25')).items).toEqual([])
    expect((await search('q=_')).items).toEqual([])
  })

  it('filters by category (with subcategories), price, stock and tags', async () => {
    const inDigital = await search(`category=${digital}`)
    expect(inDigital.items.map((i) => i.id).sort()).toEqual([ids.phone, ids.case].sort())
    expect((await search(`category=${phones}`)).items.map((i) => i.id)).toEqual([ids.phone])
    const priced = await search('minPrice=2900&maxPrice=99900&sort=price_asc')
    expect(priced.items.map((i) => i.priceMin)).toEqual([2900, 29900, 99900])
    const inStock = await search('inStock=true&q=shouji')
    expect(inStock.items.map((i) => i.id)).toEqual([ids.phone])
    const outOfStock = await search('inStock=false&q=shouji')
    expect(outOfStock.items.map((i) => i.id)).toEqual([ids.case])
    expect((await search('tags=new')).items.map((i) => i.id).sort()).toEqual(
      [ids.phone, ids.headphones].sort(),
    )
    expect((await search('tags=new,audio')).items.map((i) => i.id)).toEqual([ids.headphones])
  })

  it('sorts by price, sales and newest', async () => {
    const all = (sort: string) => search(`sort=${sort}&limit=100`).then((p) => p.items)
    const asc = await all('price_asc')
    expect(asc).toHaveLength(13)
    expect(asc.map((i) => i.priceMin)).toEqual(
      [...asc.map((i) => i.priceMin)].sort((a, b) => a - b),
    )
    const desc = await all('price_desc')
    expect(desc[0]?.id).toBe(ids.phone)
    expect(desc.map((i) => i.priceMin)).toEqual(
      [...desc.map((i) => i.priceMin)].sort((a, b) => b - a),
    )
    const sales = await all('sales')
    expect(sales.slice(0, 4).map((i) => i.id)).toEqual([
      ids.case,
      ids.headphones,
      ids.phone,
      ids.watch,
    ])
    const newest = await all('newest')
    expect(newest.slice(-4).map((i) => i.id)).toEqual([
      ids.phone,
      ids.case,
      ids.headphones,
      ids.watch,
    ])
  })

  it.each(['relevance&q=s', 'price_asc', 'price_desc', 'sales', 'newest', 'relevance'])(
    'pages through every result exactly once (sort=%s)',
    async (sort) => {
      const whole = await search(`sort=${sort}&limit=100`)
      const seen: string[] = []
      let cursor: string | null = null
      for (let pages = 0; pages < 20; pages++) {
        const page: Page = await search(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        seen.push(...page.items.map((i) => i.id))
        cursor = page.nextCursor
        if (!cursor) break
      }
      expect(whole.items.length).toBeGreaterThan(2)
      expect(seen).toEqual(whole.items.map((i) => i.id))
      expect(new Set(seen).size).toBe(seen.length)
    },
  )

  it('describes the search routes in the OpenAPI document', async () => {
    const doc = (await (await core.client().get('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>
    }
    for (const path of ['/api/store/search', '/api/store/search/suggest', '/api/store/search/hot'])
      expect(doc.paths[path]?.get, path).toBeDefined()
    const names = doc.paths['/api/store/search']?.get?.parameters?.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['q', 'category', 'minPrice', 'sort', 'cursor']))
  })

  it('never shows another mall its products', async () => {
    const page = await core.client(other.host).get('/api/store/search?q=shouji')
    const body = (await page.json()) as Page
    expect(body.items.map((i) => i.id)).toEqual([ids.foreign])
  })

  it('refuses a tampered cursor, or one from another query, naming query.cursor', async () => {
    const first = await search('sort=sales&limit=2')
    const cursor = first.nextCursor ?? ''
    const [payload = '', sum = ''] = cursor.split('.')
    const forged = Buffer.from(JSON.stringify([0, ids.phone])).toString('base64url')
    for (const bad of [
      `${forged}.${sum}`,
      // One character of the signature changed (to another character: it may start with x).
      `${payload}.${sum.startsWith('x') ? 'y' : 'x'}${sum.slice(1)}`,
      'garbage',
      `${cursor}.x`,
    ]) {
      const response = await client.get(`/api/store/search?sort=sales&limit=2&cursor=${bad}`)
      expect(response.status).toBe(422)
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
        'query.cursor',
      )
    }
    const reused = await client.get(`/api/store/search?sort=newest&limit=2&cursor=${cursor}`)
    expect(reused.status).toBe(422)
  })

  it.each([
    ['minPrice=500&maxPrice=100', 'query.minPrice'],
    ['minPrice=-1', 'query.minPrice'],
    ['maxPrice=abc', 'query.maxPrice'],
    ['maxPrice=99999999999', 'query.maxPrice'],
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    [`q=${'x'.repeat(101)}`, 'query.q'],
    ['sort=cheapest', 'query.sort'],
    ['inStock=maybe', 'query.inStock'],
    ['category=shoes', 'query.category'],
  ])('answers 422 naming the field for %s', async (query, field) => {
    const response = await client.get(`/api/store/search?${query}`)
    expect(response.status).toBe(422)
    const body = (await response.json()) as { errors: { field: string }[] }
    expect(body.errors.map((e) => e.field)).toContain(field)
  })

  it.each([
    'q=%5C',
    "q='%20or%201=1",
    'tags=a%22b%5C%7B%7D,c',
    'q=%F0%9F%93%B1',
    'q=zzz&locale=xx',
    'q=-',
  ])('answers odd but valid input (%s) with an empty page, not an error', async (query) => {
    expect((await search(query)).items).toEqual([])
  })

  it('records no search term for a refused search', async () => {
    expect((await client.get('/api/store/search?q=refused-term&limit=0')).status).toBe(422)
    expect((await client.get('/api/store/search?q=counted-term')).status).toBe(200)
    const terms = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__search_term').select('term').where('tenant_id', '=', mall.id).execute(),
    )
    expect(terms.map((t) => t.term)).toContain('counted-term')
    expect(terms.map((t) => t.term)).not.toContain('refused-term')
  })
})
