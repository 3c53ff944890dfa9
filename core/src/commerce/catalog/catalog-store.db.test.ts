import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { ownerOnMallHost, tshirtBody } from './test-support.ts'

type Page = {
  items: { id: string; priceMin: number; priceMax: number; stock: number; currency: string }[]
  nextCursor: string | null
}
type Detail = {
  id: string
  currency: string
  afterSales: { returnable7d: boolean; exclusion: string | null }
  specOptions: unknown[]
  skus: { code: string; price: number; compareAtPrice: number | null; stock: number }[]
}

describe('catalog store API', () => {
  let core: TestCore
  let a: TestMall
  let b: TestMall
  let staffA: TestClient
  let shopper: TestClient
  const ids: Record<string, string> = {}
  let parent: string
  let child: string

  const create = async (staff: TestClient, name: string, overrides: Record<string, unknown>) => {
    const response = await staff.post(
      '/api/admin/products',
      tshirtBody({ title: { en: name }, ...overrides }, name),
    )
    expect(response.status).toBe(201)
    ids[name] = ((await response.json()) as { id: string }).id
  }
  const all = async (query: string) => {
    const found: string[] = []
    let cursor: string | null = null
    do {
      const page = (await (
        await shopper.get(`/api/store/products?${query}${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as Page
      found.push(...page.items.map((p) => p.id))
      cursor = page.nextCursor
    } while (cursor)
    return found
  }
  const names = (list: string[]) => list.map((id) => Object.keys(ids).find((k) => ids[k] === id))

  beforeAll(async () => {
    core = await createTestCore()
    a = await core.createMall('store-a')
    b = await core.createMall('store-b')
    staffA = await ownerOnMallHost(core, a)
    const staffB = await ownerOnMallHost(core, b)
    shopper = core.client(a.host)
    parent = (
      (await (await staffA.post('/api/admin/categories', { name: { en: 'Apparel' } })).json()) as {
        id: string
      }
    ).id
    child = (
      (await (
        await staffA.post('/api/admin/categories', { name: { en: 'Tops' }, parentId: parent })
      ).json()) as { id: string }
    ).id
    const price = (p: number, code: string) =>
      tshirtBody({}, code).skus.map((s) => ({ ...s, price: p, compareAtPrice: null }))
    await create(staffA, 'cheap', { categoryId: child, skus: price(100, 'cheap'), tags: ['sale'] })
    await create(staffA, 'dear', { categoryId: parent, skus: price(9000, 'dear') })
    await create(staffA, 'middle', {
      skus: price(3000, 'middle'),
      afterSales: { returnable7d: false, exclusion: 'opened-hygiene' },
    })
    await create(staffA, 'draft', { status: 'draft' })
    await create(staffA, 'archived', { status: 'archived' })
    await create(staffB, 'other', {})
  })
  afterAll(() => core?.close())

  it('lists only active products of this mall, with prices in minor units and the currency', async () => {
    expect(names(await all('limit=2')).sort()).toEqual(['cheap', 'dear', 'middle'])
    const page = (await (await shopper.get('/api/store/products')).json()) as Page
    expect(page.items[0]).toMatchObject({ currency: 'CNY', stock: 20 })
  })

  it('sorts by price both ways and filters by category with its subcategories and by tag', async () => {
    expect(names(await all('sort=price_asc&limit=1'))).toEqual(['cheap', 'middle', 'dear'])
    expect(names(await all('sort=price_desc&limit=2'))).toEqual(['dear', 'middle', 'cheap'])
    expect(names(await all(`categoryId=${parent}`)).sort()).toEqual(['cheap', 'dear'])
    expect(names(await all(`categoryId=${child}`))).toEqual(['cheap'])
    expect(names(await all('tag=sale'))).toEqual(['cheap'])
  })

  it('refuses a limit over 48, a bad sort and a cursor of another sort', async () => {
    expect((await shopper.get('/api/store/products?limit=49')).status).toBe(422)
    expect((await shopper.get('/api/store/products?sort=random')).status).toBe(422)
    const page = (await (
      await shopper.get('/api/store/products?limit=1&sort=price_asc')
    ).json()) as Page
    expect(
      (await shopper.get(`/api/store/products?sort=newest&cursor=${page.nextCursor}`)).status,
    ).toBe(422)
  })

  it('shows a product with stock and prices per SKU, spec options and after-sales flags', async () => {
    const response = await shopper.get(`/api/store/products/${ids.middle}`)
    expect(response.status).toBe(200)
    const detail = (await response.json()) as Detail
    expect(detail.currency).toBe('CNY')
    expect(detail.afterSales).toEqual({ returnable7d: false, exclusion: 'opened-hygiene' })
    expect(detail.specOptions).toHaveLength(2)
    expect(detail.skus.map((s) => [s.code, s.price, s.stock])).toEqual([
      ['middle-00', 3000, 5],
      ['middle-01', 3000, 5],
      ['middle-10', 3000, 5],
      ['middle-11', 3000, 5],
    ])
  })

  it('answers 404 for draft, archived and other malls’ products', async () => {
    for (const name of ['draft', 'archived', 'other'])
      expect([name, (await shopper.get(`/api/store/products/${ids[name]}`)).status]).toEqual([
        name,
        404,
      ])
    expect((await core.client(b.host).get(`/api/store/products/${ids.other}`)).status).toBe(200)
    expect((await shopper.get('/api/store/products/not-a-uuid')).status).toBe(422)
  })

  it('shows the category tree with active product counts', async () => {
    const tree = (await (await shopper.get('/api/store/categories')).json()) as {
      items: {
        id: string
        productCount: number
        children: { id: string; productCount: number }[]
      }[]
    }
    expect(tree.items).toEqual([
      expect.objectContaining({
        id: parent,
        productCount: 1,
        children: [expect.objectContaining({ id: child, productCount: 1 })],
      }),
    ])
    expect(
      (
        (await (await core.client(b.host).get('/api/store/categories')).json()) as {
          items: unknown[]
        }
      ).items,
    ).toEqual([])
  })
})
