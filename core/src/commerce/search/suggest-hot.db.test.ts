import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { insertFixtureProduct } from './search-fixtures.ts'

let core: TestCore
let mall: TestMall
let other: TestMall

const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }

async function suggest(q: string, headers: Record<string, string> = zh): Promise<string[]> {
  const response = await core
    .client(mall.host)
    .get(`/api/store/search/suggest?q=${encodeURIComponent(q)}`, headers)
  expect(response.status).toBe(200)
  const body = (await response.json()) as { suggestions: { text: string }[] }
  return body.suggestions.map((s) => s.text)
}

async function hot(target: TestMall): Promise<{ term: string; searches: number }[]> {
  const response = await core.client(target.host).get('/api/store/search/hot')
  expect(response.status).toBe(200)
  return ((await response.json()) as { terms: { term: string; searches: number }[] }).terms
}

const searchIn = async (target: TestMall, query: string) => {
  const response = await core.client(target.host).get(`/api/store/search?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as { nextCursor: string | null }
}

beforeAll(async () => {
  core = await createTestCore()
  mall = await core.createMall('sugg-a')
  other = await core.createMall('sugg-b')
  await withTenant(core.services.db, mall.id, async (tx) => {
    const products: [string, string, number][] = [
      ['手机', 'Mobile Phone', 50],
      ['手机壳', 'Phone Case', 300],
      ['智能手表', 'Smart Watch', 10],
      ['蓝牙耳机', 'Bluetooth Headphones', 120],
    ]
    for (const [zhName, en, salesCount] of products)
      await insertFixtureProduct(tx, mall.id, {
        title: { 'zh-CN': zhName, en },
        salesCount,
        skus: [{ price: 100 }],
      })
    for (let n = 1; n <= 10; n++)
      await insertFixtureProduct(tx, mall.id, {
        title: { 'zh-CN': `运动袜${n}`, en: `Sport Sock ${n}` },
        skus: [{ price: 100 }],
      })
    await insertFixtureProduct(tx, mall.id, {
      title: { 'zh-CN': '手机支架', en: 'Stand' },
      status: 'archived',
    })
  })
  await withTenant(core.services.db, other.id, (tx) =>
    insertFixtureProduct(tx, other.id, {
      title: { 'zh-CN': '手机链', en: 'Phone Strap' },
      salesCount: 999,
    }),
  )
})

afterAll(async () => {
  await core?.close()
})

describe('search suggestions', () => {
  it('answers one latin letter with at most eight titles', async () => {
    const titles = await suggest('s')
    expect(titles).toHaveLength(8)
    expect(titles.slice(0, 2)).toEqual(['手机壳', '手机'])
  })

  it('answers a pinyin prefix, initials and one Han character, best sellers first', async () => {
    expect(await suggest('sh')).toEqual(['手机壳', '手机'])
    expect(await suggest('sho')).toEqual(['手机壳', '手机'])
    expect(await suggest('sj')).toEqual(['手机壳', '手机'])
    expect(await suggest('手')).toEqual(['手机壳', '手机', '智能手表'])
    expect(await suggest('lany')).toEqual(['蓝牙耳机'])
  })

  it("speaks the request's locale, else the mall's default", async () => {
    expect(await suggest('sj', { 'accept-language': 'en-US' })).toEqual([
      'Phone Case',
      'Mobile Phone',
    ])
    // The test malls default to en.
    expect(await suggest('sj', {})).toEqual(['Phone Case', 'Mobile Phone'])
    expect(await suggest('sj', { 'accept-language': 'fr, zh;q=0.8' })).toEqual(['手机壳', '手机'])
  })

  it('suggests nothing for an empty or unmatched prefix, and never a product of another mall', async () => {
    expect(await suggest('')).toEqual([])
    expect(await suggest('%')).toEqual([])
    expect(await suggest('手机链')).toEqual([])
  })

  it('refuses a prefix longer than 100 characters, naming query.q', async () => {
    const response = await core
      .client(mall.host)
      .get(`/api/store/search/suggest?q=${'a'.repeat(101)}`)
    expect(response.status).toBe(422)
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'query.q',
    )
  })
})

describe('hot searches', () => {
  const termDays = () =>
    withTenant(
      core.services.db,
      mall.id,
      async (tx) =>
        (
          await sql<{ term: string; day: string; searches: number }>`
          select term, to_char(day, 'YYYY-MM-DD') as day, searches from core__search_term
          where tenant_id = ${mall.id} order by day, term`.execute(tx)
        ).rows,
    )

  it("counts searches per normalised term and day in the mall's timezone", async () => {
    // 23:30 in Shanghai on March 1st, then 00:30 on March 2nd.
    core.clock.set('2026-03-01T15:30:00Z')
    await searchIn(mall, 'q=Phone')
    await searchIn(mall, 'q=%20%20phone%20')
    await searchIn(mall, 'q=')
    core.clock.set('2026-03-01T16:30:00Z')
    const first = await searchIn(mall, 'q=s&limit=2')
    await searchIn(mall, `q=s&limit=2&cursor=${first.nextCursor}`)
    await searchIn(mall, 'q=phone')
    expect(await termDays()).toEqual([
      { term: 'phone', day: '2026-03-01', searches: 2 },
      { term: 'phone', day: '2026-03-02', searches: 1 },
      { term: 's', day: '2026-03-02', searches: 1 },
    ])
  })

  it('orders the last seven days by searches, and forgets older days', async () => {
    for (let i = 0; i < 3; i++) await searchIn(mall, `q=${encodeURIComponent('手机')}`)
    expect(await hot(mall)).toEqual([
      { term: 'phone', searches: 3 },
      { term: '手机', searches: 3 },
      { term: 's', searches: 1 },
    ])
    // March 8th in Shanghai: March 1st left the window, March 2nd is its first day.
    core.clock.set('2026-03-07T16:30:00Z')
    expect(await hot(mall)).toEqual([
      { term: '手机', searches: 3 },
      { term: 'phone', searches: 1 },
      { term: 's', searches: 1 },
    ])
    core.clock.set('2026-03-08T16:30:00Z')
    expect(await hot(mall)).toEqual([])
  })

  it('counts concurrent searches of one term without losing any', async () => {
    core.clock.set('2026-04-01T04:00:00Z')
    const client = core.client(mall.host)
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => client.get('/api/store/search?q=Race')),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(25).fill(200))
    expect(await hot(mall)).toEqual([{ term: 'race', searches: 25 }])
  })

  it("never shows a mall another mall's searches", async () => {
    expect(await hot(other)).toEqual([])
  })
})
