import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { ownerOnMallHost, tshirtBody } from './test-support.ts'

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] }
type Product = {
  id: string
  priceMin: number
  priceMax: number
  description: Record<string, string>
  skus: {
    id: string
    spec: Record<string, string>
    stock: number
    price: number
    code: string | null
  }[]
}

describe('catalog admin API', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient

  const counts = () =>
    withTenant(core.services.db, mall.id, async (tx) => ({
      products: (
        await tx.selectFrom('core__product').select('id').where('tenant_id', '=', mall.id).execute()
      ).length,
      skus: (
        await tx.selectFrom('core__sku').select('id').where('tenant_id', '=', mall.id).execute()
      ).length,
    }))
  const fields = async (response: Response) =>
    ((await response.json()) as Problem).errors?.map((e) => e.field)

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('catalog-admin')
    staff = await ownerOnMallHost(core, mall)
  })
  afterAll(() => core?.close())

  it('creates a product with its SKU matrix, price range and search text', async () => {
    const response = await staff.post('/api/admin/products', tshirtBody())
    expect(response.status).toBe(201)
    const product = (await response.json()) as Product
    expect(product.skus.map((s) => s.spec)).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
    ])
    expect([product.priceMin, product.priceMax]).toEqual([5900, 6900])
    const row = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__product')
        .select('search_text')
        .where('id', '=', product.id)
        .executeTakeFirstOrThrow(),
    )
    expect(row.search_text).toContain('chunmiantxu')
    expect((await staff.get(`/api/admin/products/${product.id}`)).status).toBe(200)
  })

  it('names a missing, a duplicate and an unknown spec combination, writing nothing', async () => {
    const before = await counts()
    const body = tshirtBody({}, 'BAD')
    const missing = await staff.post('/api/admin/products', {
      ...body,
      skus: body.skus.slice(0, 3),
    })
    expect(missing.status).toBe(422)
    expect(await fields(missing)).toEqual(['body.skus'])
    const dup = await staff.post('/api/admin/products', {
      ...body,
      skus: [...body.skus, { ...body.skus[0]!, code: 'BAD-x' }],
    })
    expect(await fields(dup)).toEqual(['body.skus.4.spec'])
    const skus = body.skus.map((s, i) => (i === 3 ? { ...s, spec: { 颜色: '绿', 尺码: 'M' } } : s))
    const unknown = await staff.post('/api/admin/products', { ...body, skus })
    expect(await fields(unknown)).toEqual(['body.skus.3.spec'])
    expect(await counts()).toEqual(before)
  })

  it('refuses out-of-bounds prices, stock and after-sales flags, naming each field', async () => {
    const before = await counts()
    const body = tshirtBody({}, 'BND')
    const cases: [unknown, string][] = [
      [{ price: -1 }, 'body.skus.0.price'],
      [{ price: 1.5 }, 'body.skus.0.price'],
      [{ price: '59' }, 'body.skus.0.price'],
      [{ compareAtPrice: 100 }, 'body.skus.0.compareAtPrice'],
      [{ stock: -3 }, 'body.skus.0.stock'],
      [{ stock: 1e9 }, 'body.skus.0.stock'],
      [{ weightGrams: -1 }, 'body.skus.0.weightGrams'],
    ]
    for (const [patch, field] of cases) {
      const skus = body.skus.map((s, i) => (i === 0 ? { ...s, ...(patch as object) } : s))
      const response = await staff.post('/api/admin/products', { ...body, skus })
      expect([JSON.stringify(patch), response.status, await fields(response)]).toEqual([
        JSON.stringify(patch),
        422,
        [field],
      ])
    }
    const excluded = await staff.post('/api/admin/products', {
      ...body,
      afterSales: { returnable7d: true, exclusion: 'fresh-perishable' },
    })
    expect(await fields(excluded)).toEqual(['body.afterSales.returnable7d'])
    const untitled = await staff.post('/api/admin/products', { ...body, title: { en: '  ' } })
    expect(await fields(untitled)).toContain('body.title.en')
    const noLocale = await staff.post('/api/admin/products', { ...body, title: {} })
    expect(await fields(noLocale)).toEqual(['body.title'])
    expect(await counts()).toEqual(before)
  })

  it('refuses a SKU code another product of the mall uses (409 naming it) and unknown images', async () => {
    const clash = await staff.post('/api/admin/products', tshirtBody({}, 'TS'))
    expect(clash.status).toBe(409)
    expect(await fields(clash)).toEqual(expect.arrayContaining(['body.skus.0.code']))
    const image = await staff.post(
      '/api/admin/products',
      tshirtBody({ imageIds: [crypto.randomUUID()] }, 'IMG'),
    )
    expect(await fields(image)).toEqual(['body.imageIds.0'])
  })

  it('sanitises the description: scripts and event handlers are gone', async () => {
    const response = await staff.post(
      '/api/admin/products',
      tshirtBody(
        {
          description: {
            en: '<p onclick="x()">Soft</p><script>alert(1)</script><img src=x onerror="y()">',
          },
        },
        'DESC',
      ),
    )
    const product = (await response.json()) as Product
    expect(product.description.en).toBe('<p>Soft</p><img src="x" />')
  })

  it('replaces a product, keeping SKU ids and stock it was not told', async () => {
    const created = (await (
      await staff.post('/api/admin/products', tshirtBody({}, 'UPD'))
    ).json()) as Product
    const body = tshirtBody({}, 'UPD')
    const skus = body.skus.map(({ stock: _stock, ...sku }, i) => ({ ...sku, price: 1000 + i }))
    const response = await staff.put(`/api/admin/products/${created.id}`, { ...body, skus })
    expect(response.status).toBe(200)
    const updated = (await response.json()) as Product
    expect(updated.skus.map((s) => s.id)).toEqual(created.skus.map((s) => s.id))
    expect(updated.skus.map((s) => s.stock)).toEqual([5, 5, 5, 5])
    expect([updated.priceMin, updated.priceMax]).toEqual([1000, 1003])
    // Dropping a size removes its SKUs.
    const smaller = {
      ...body,
      specOptions: [body.specOptions[0], { ...body.specOptions[1]!, values: [{ en: 'S' }] }],
      skus: body.skus.filter((s) => s.spec.尺码 === 'S'),
    }
    const shrunk = (await (
      await staff.put(`/api/admin/products/${created.id}`, smaller)
    ).json()) as Product
    expect(shrunk.skus.map((s) => s.code)).toEqual(['UPD-00', 'UPD-10'])
    expect((await staff.put(`/api/admin/products/${crypto.randomUUID()}`, body)).status).toBe(404)
  })

  it('adjusts stock by delta or set, never below 0, and audits it', async () => {
    const product = (await (
      await staff.post('/api/admin/products', tshirtBody({}, 'STK'))
    ).json()) as Product
    const sku = product.skus[0]!
    const down = await staff.patch(`/api/admin/skus/${sku.id}/stock`, { delta: -2 })
    expect(((await down.json()) as { stock: number }).stock).toBe(3)
    const below = await staff.patch(`/api/admin/skus/${sku.id}/stock`, { delta: -4 })
    expect(below.status).toBe(409)
    const set = await staff.patch(`/api/admin/skus/${sku.id}/stock`, { set: 40 })
    expect(((await set.json()) as { stock: number }).stock).toBe(40)
    expect((await staff.patch(`/api/admin/skus/${sku.id}/stock`, { set: -1 })).status).toBe(422)
    expect(
      (await staff.patch(`/api/admin/skus/${sku.id}/stock`, { set: 1, delta: 1 })).status,
    ).toBe(422)
    expect(
      (await staff.patch(`/api/admin/skus/${crypto.randomUUID()}/stock`, { delta: 1 })).status,
    ).toBe(404)
    const audit = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select('data')
        .where('action', '=', 'core.sku.stock-adjusted')
        .where('target', '=', sku.id)
        .execute(),
    )
    expect(audit.map((a) => a.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 5, to: 3 }),
        expect.objectContaining({ from: 3, to: 40 }),
      ]),
    )
    expect(audit).toHaveLength(2)
  })

  it('keeps a category tree, reorders it and refuses to delete a category in use', async () => {
    const root = (await (
      await staff.post('/api/admin/categories', { name: { 'zh-CN': '服饰', en: 'Apparel' } })
    ).json()) as { id: string }
    const child = (await (
      await staff.post('/api/admin/categories', { name: { en: 'Tops' }, parentId: root.id })
    ).json()) as { id: string }
    const other = (await (
      await staff.post('/api/admin/categories', { name: { en: 'Shoes' }, parentId: root.id })
    ).json()) as { id: string }
    expect(
      (
        await staff.post('/api/admin/categories/reorder', {
          parentId: root.id,
          ids: [other.id, child.id],
        })
      ).status,
    ).toBe(204)
    expect(
      (await staff.post('/api/admin/categories/reorder', { parentId: root.id, ids: [other.id] }))
        .status,
    ).toBe(422)
    expect(
      (
        await staff.put(`/api/admin/categories/${root.id}`, {
          name: { en: 'Apparel' },
          parentId: child.id,
        })
      ).status,
    ).toBe(422)
    const tree = (await (await staff.get('/api/admin/categories')).json()) as {
      items: { id: string; children: { id: string }[] }[]
    }
    expect(tree.items.find((n) => n.id === root.id)?.children.map((c) => c.id)).toEqual([
      other.id,
      child.id,
    ])

    await staff.post('/api/admin/products', tshirtBody({ categoryId: child.id }, 'CAT'))
    const inUse = await staff.delete(`/api/admin/categories/${child.id}`)
    expect(inUse.status).toBe(409)
    expect(((await inUse.json()) as Problem).detail).toContain('Tops')
    const withChildren = await staff.delete(`/api/admin/categories/${root.id}`)
    expect(withChildren.status).toBe(409)
    expect(((await withChildren.json()) as Problem).detail).toContain('服饰')
    expect((await staff.delete(`/api/admin/categories/${other.id}`)).status).toBe(204)
  })

  it('lists products newest first with search, filters and a cursor that visits each once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const page = (await (await staff.get(`/api/admin/products?limit=2${query}`)).json()) as {
        items: { id: string }[]
        nextCursor: string | null
      }
      seen.push(...page.items.map((p) => p.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.length).toBe((await counts()).products)
    expect(new Set(seen).size).toBe(seen.length)
    const found = (await (await staff.get('/api/admin/products?q=t-SHIRT')).json()) as {
      items: unknown[]
    }
    expect(found.items.length).toBe(seen.length)
    const none = (await (await staff.get('/api/admin/products?q=nothing-like-this')).json()) as {
      items: unknown[]
    }
    expect(none.items).toEqual([])
    expect((await staff.get('/api/admin/products?cursor=garbage')).status).toBe(422)
  })

  it('archives a product', async () => {
    const product = (await (
      await staff.post('/api/admin/products', tshirtBody({}, 'ARC'))
    ).json()) as Product
    const archived = await staff.post(`/api/admin/products/${product.id}/archive`)
    expect(((await archived.json()) as { status: string }).status).toBe('archived')
    const list = (await (await staff.get('/api/admin/products?status=archived')).json()) as {
      items: { id: string }[]
    }
    expect(list.items.map((p) => p.id)).toEqual([product.id])
  })

  it('never lets concurrent stock decrements take a SKU below 0', async () => {
    const product = (await (
      await staff.post('/api/admin/products', tshirtBody({}, 'RACE'))
    ).json()) as Product
    const sku = product.skus[0]!
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        staff.patch(`/api/admin/skus/${sku.id}/stock`, { delta: -1 }),
      ),
    )
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(5)
    expect(statuses.filter((s) => s === 409)).toHaveLength(7)
    const detail = (await (await staff.get(`/api/admin/products/${product.id}`)).json()) as Product
    expect(detail.skus[0]!.stock).toBe(0)
  })

  it('refuses catalog writes to staff without core:catalog.manage', async () => {
    const created = await staff.post('/api/admin/staff', {
      email: 'service@catalog.test',
      name: 'Service',
      password: 'service-password-1',
      role: 'service',
    })
    expect(created.status).toBe(201)
    const platform = core.client()
    await platform.loginStaff('service@catalog.test', 'service-password-1')
    const service = core.client(mall.host)
    for (const [name, value] of platform.cookies) service.cookies.set(name, value)
    const before = await counts()
    expect((await service.post('/api/admin/products', tshirtBody({}, 'SVC'))).status).toBe(403)
    expect((await service.get('/api/admin/products')).status).toBe(403)
    expect((await service.get('/api/admin/products/export')).status).toBe(403)
    expect((await service.post('/api/admin/categories', { name: { en: 'No' } })).status).toBe(403)
    expect(await counts()).toEqual(before)
  })
})
