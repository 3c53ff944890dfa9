import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall

beforeAll(async () => {
  // Shanghai: the mall's day turns at 16:00 UTC.
  m = await membershipMall('member-share', { timezone: 'Asia/Shanghai' })
  m.core.clock.set('2026-05-10T02:00:00Z')
}, 120_000)
afterAll(() => m?.close())

async function shopper() {
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  return { id: c!.id, client: m.shopper(c!.cookie) }
}

const shareEntries = async (customerId: string) =>
  (await m.rows('membership__points_entry')).filter(
    (e) => e.customer_id === customerId && e.idempotency_key.startsWith('share:'),
  )

describe('POST /share', () => {
  it('awards nothing while the mall has not switched sharing on (the default), writing nothing', async () => {
    const c = await shopper()
    const shared = await c.client.post(m.store('/share'), { path: '/products/x' })
    expect(shared.status).toBe(200)
    expect(await readJson(shared)).toEqual({
      points: 0,
      outcome: 'off',
      path: '/products/x',
      day: '2026-05-10',
      sharesLeft: 0,
    })
    expect(await shareEntries(c.id)).toEqual([])
    expect((await m.rows('membership__account')).some((a) => a.customer_id === c.id)).toBe(false)
  })

  it('needs a signed-in customer and a path inside the mall, naming the field', async () => {
    const guest = await m.core.client().post(m.store('/share'), { path: '/' })
    expect(guest.status).toBe(401)
    const c = await shopper()
    for (const path of ['https://evil.example/', '', 'products/x', 'x'.repeat(200), 42]) {
      const bad = await c.client.post(m.store('/share'), { path })
      expect(bad.status).toBe(422)
      expect(JSON.stringify(await readJson(bad))).toContain('body.path')
    }
  })

  it('awards once per page a day, up to the daily cap, days in the mall timezone', async () => {
    await m.settings({ points: { share: 10, shareDailyCap: 2 } })
    const c = await shopper()
    const share = async (path: string) => readJson(await c.client.post(m.store('/share'), { path }))

    expect(await share('/products/a?ref=abc')).toEqual({
      points: 10,
      outcome: 'awarded',
      path: '/products/a',
      day: '2026-05-10',
      sharesLeft: 1,
    })
    expect(await share('/products/a/')).toMatchObject({ points: 0, outcome: 'already-shared' })
    expect(await share('/member')).toMatchObject({ points: 10, sharesLeft: 0 })
    expect(await share('/products/b')).toMatchObject({ points: 0, outcome: 'daily-cap' })

    // 15:59 UTC is still the 10th in Shanghai; 16:00 is the 11th: a new day, a new cap.
    m.core.clock.set('2026-05-10T15:59:00Z')
    expect(await share('/products/c')).toMatchObject({ points: 0, outcome: 'daily-cap' })
    m.core.clock.set('2026-05-10T16:00:00Z')
    expect(await share('/products/a')).toMatchObject({
      points: 10,
      outcome: 'awarded',
      day: '2026-05-11',
    })

    const me = await readJson(await c.client.get(m.store('/me')))
    expect(me.points).toBe(30)
    expect((await shareEntries(c.id)).map((e) => [e.idempotency_key, e.kind, e.delta])).toEqual(
      expect.arrayContaining([
        ['share:2026-05-10:/products/a', 'award', 10],
        ['share:2026-05-10:/member', 'award', 10],
        ['share:2026-05-11:/products/a', 'award', 10],
      ]),
    )
    expect(await shareEntries(c.id)).toHaveLength(3)
    m.core.clock.set('2026-05-10T02:00:00Z')
  })

  it('awards once for 10 concurrent shares of one page, and never passes the cap in a burst', async () => {
    await m.settings({ points: { share: 7, shareDailyCap: 3 } })
    const c = await shopper()
    const same = await Promise.all(
      Array.from({ length: 10 }, () => c.client.post(m.store('/share'), { path: '/products/hot' })),
    )
    expect(same.map((r) => r.status)).toEqual(Array(10).fill(200))
    const awarded = (await Promise.all(same.map(readJson))).filter((s) => s.points > 0)
    expect(awarded).toHaveLength(1)

    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c.client.post(m.store('/share'), { path: `/products/p${i}` }),
      ),
    )
    const given = (await Promise.all(burst.map(readJson))).filter((s) => s.points > 0)
    expect(given).toHaveLength(2)
    expect(await shareEntries(c.id)).toHaveLength(3)
    expect((await readJson(await c.client.get(m.store('/me')))).points).toBe(21)
  })

  it('stops awarding when the mall switches sharing off again', async () => {
    await m.settings({ points: { share: 0 } })
    const c = await shopper()
    expect(
      await readJson(await c.client.post(m.store('/share'), { path: '/products/z' })),
    ).toMatchObject({ points: 0, outcome: 'off' })
    expect(await shareEntries(c.id)).toEqual([])
    await m.settings({})
  })
})
