import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { ownerOnMallHost, tshirtBody } from '../catalog/test-support.ts'

describe('search by category names', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  const ids: Record<string, string> = {}

  /** Ids of the products the store search finds for `q`, sorted. */
  const found = async (q: string) => {
    const response = await core
      .client(mall.host)
      .get(`/api/store/search?q=${encodeURIComponent(q)}`)
    expect(response.status).toBe(200)
    const page = (await response.json()) as { items: { id: string }[] }
    return page.items.map((item) => item.id).sort()
  }
  const category = async (name: string, parentId: string | null = null) => {
    const response = await staff.post('/api/admin/categories', {
      name: { 'zh-CN': name },
      parentId,
    })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  const product = async (title: string, categoryId: string, codePrefix: string) => {
    const body = tshirtBody(
      { title: { 'zh-CN': title }, subtitle: {}, tags: [], categoryId },
      codePrefix,
    )
    const response = await staff.post('/api/admin/products', body)
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  const sorted = (...keys: string[]) => keys.map((key) => ids[key]!).sort()

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('cat-search')
    staff = await ownerOnMallHost(core, mall)
    // 数码 › 手机 › 配件, and an unrelated root 宠物.
    ids.digital = await category('数码')
    ids.phones = await category('手机', ids.digital)
    ids.parts = await category('配件', ids.phones)
    ids.home = await category('宠物')
    ids.handset = await product('旗舰机', ids.phones, 'HS')
    ids.cable = await product('数据线', ids.parts, 'CB')
    ids.food = await product('猫粮', ids.home, 'LP')
  })
  afterAll(() => core?.close())

  it('finds products of every subcategory by the name of an ancestor, in Han and pinyin', async () => {
    expect(await found('数码')).toEqual(sorted('handset', 'cable'))
    expect(await found('shuma')).toEqual(sorted('handset', 'cable'))
    expect(await found('手机')).toEqual(sorted('handset', 'cable'))
    expect(await found('配件')).toEqual(sorted('cable'))
    expect(await found('宠物')).toEqual(sorted('food'))
  })

  it('refreshes the whole subtree when an ancestor is renamed', async () => {
    const renamed = await staff.put(`/api/admin/categories/${ids.digital}`, {
      name: { 'zh-CN': '电子' },
      parentId: null,
    })
    expect(renamed.status).toBe(204)
    expect(await found('电子')).toEqual(sorted('handset', 'cable'))
    expect(await found('数码')).toEqual([])
  })

  it('refreshes the whole subtree when a category moves under another parent', async () => {
    const moved = await staff.put(`/api/admin/categories/${ids.phones}`, {
      name: { 'zh-CN': '手机' },
      parentId: ids.home,
    })
    expect(moved.status).toBe(204)
    expect(await found('宠物')).toEqual(sorted('handset', 'cable', 'food'))
    expect(await found('电子')).toEqual([])
    expect(await found('手机')).toEqual(sorted('handset', 'cable'))
  })
})
