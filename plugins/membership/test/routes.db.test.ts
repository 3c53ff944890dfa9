import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { ensureStaffUser, setMembership } from '../../../core/test/app.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall

beforeAll(async () => {
  m = await membershipMall('member-routes')
  m.core.clock.set('2026-04-01T02:00:00Z')
}, 120_000)
afterAll(() => m?.close())

async function shopper() {
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  return { id: c!.id, client: m.shopper(c!.cookie) }
}

const audits = (action: string) =>
  withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx
      .selectFrom('core__audit_log')
      .select(['target', 'data'])
      .where('action', '=', action)
      .execute(),
  )

describe('store routes', () => {
  it('shows a newcomer as Regular with nothing yet, and checks in once a day', async () => {
    const c = await shopper()
    const me = await readJson(await c.client.get(m.store('/me')))
    expect(me).toMatchObject({
      tier: { id: 'regular' },
      next: { tier: { id: 'silver' }, missing: 1000 },
      points: 0,
      balance: 0,
      birthday: null,
    })
    const first = await c.client.post(m.store('/check-in'))
    expect(first.status).toBe(201)
    expect(await readJson(first)).toEqual({ day: '2026-04-01', streak: 1, points: 5, bonus: 0 })
    const again = await c.client.post(m.store('/check-in'))
    expect([again.status, (await readJson(again)).code]).toEqual([
      409,
      'membership:already_checked_in',
    ])
    const calendar = await readJson(await c.client.get(m.store('/check-in?month=2026-04')))
    expect(calendar).toMatchObject({ today: '2026-04-01', checkedInToday: true, streak: 1 })
    const history = await readJson(await c.client.get(m.store('/points')))
    expect(history.items).toEqual([
      expect.objectContaining({ kind: 'check-in', delta: 5, balance: 5 }),
    ])
    expect((await c.client.get(m.store('/check-in?month=2026-13'))).status).toBe(422)
  })

  it('sets the birthday once, refusing bad dates naming the field and writing nothing', async () => {
    const c = await shopper()
    for (const birthday of ['1990-02-30', 'yesterday', 19900101]) {
      const bad = await c.client.put(m.store('/birthday'), { birthday })
      expect([bad.status, (await readJson(bad)).errors?.[0]?.field]).toEqual([422, 'body.birthday'])
    }
    expect(
      (await m.rows('membership__account')).find((a) => a.customer_id === c.id),
    ).toBeUndefined()
    const set = await c.client.put(m.store('/birthday'), { birthday: '1990-02-28' })
    expect((await readJson(set)).birthday).toBe('1990-02-28')
    expect((await c.client.put(m.store('/birthday'), { birthday: '1990-03-01' })).status).toBe(409)
  })

  it('needs a signed-in customer', async () => {
    expect((await m.core.client().get(m.store('/me'))).status).toBe(401)
  })
})

describe('top-ups', () => {
  it('sells a package with bonus once per key, credits it once on confirmation, within the cap', async () => {
    const bad = await m.owner.post(m.admin('/top-up-packages'), { name: '充500送50', amount: 0 })
    expect([bad.status, (await readJson(bad)).errors?.[0]?.field]).toEqual([422, 'body.amount'])
    expect(await m.rows('membership__top_up_package')).toEqual([])
    const pack = await readJson(
      await m.owner.post(m.admin('/top-up-packages'), {
        name: '充500送50',
        amount: 50_000,
        bonus: 5_000,
      }),
    )
    const big = await readJson(
      await m.owner.post(m.admin('/top-up-packages'), { name: '充5000', amount: 500_000 }),
    )
    const c = await shopper()
    expect((await readJson(await c.client.get(m.store('/top-up-packages')))).items).toHaveLength(2)

    const order = (packageId: string, key: string) =>
      c.client.post(m.store('/top-ups'), { packageId }, { 'idempotency-key': key })
    const first = await order(pack.id, 't1')
    expect(first.status).toBe(201)
    const replay = await order(pack.id, 't1')
    expect(replay.status).toBe(200)
    const topUp = await readJson(first)
    expect((await readJson(replay)).id).toBe(topUp.id)
    expect((await order(big.id, 't1')).status).toBe(422)

    // Staff find it among the pending top-ups, by the customer too; a bad filter names itself.
    const pending = async (q = '') =>
      readJson(await m.owner.get(m.admin(`/top-ups?status=pending${q}`)))
    expect((await pending()).items).toMatchObject([
      { id: topUp.id, status: 'pending', amount: 50_000, bonus: 5_000, customerId: c.id },
    ])
    expect((await pending('&q=nobody-by-this-name')).items).toEqual([])
    const badFilter = await m.owner.get(m.admin('/top-ups?status=lost'))
    expect([badFilter.status, (await readJson(badFilter)).errors?.[0]?.field]).toEqual([
      422,
      'query.status',
    ])

    const confirmed = await m.owner.post(m.admin(`/top-ups/${topUp.id}/confirm`))
    expect((await readJson(confirmed)).status).toBe('paid')
    await m.owner.post(m.admin(`/top-ups/${topUp.id}/confirm`))
    expect((await pending()).items).toEqual([])
    expect((await readJson(await c.client.get(m.store('/me')))).balance).toBe(55_000)
    const history = await readJson(await c.client.get(m.store('/balance')))
    expect(history.items.map((e: { delta: number }) => e.delta).sort()).toEqual(
      [50_000, 5_000].sort(),
    )

    // ¥550 held: ¥5,000 more would pass the ¥5,000 cap.
    const capped = await order(big.id, 't2')
    expect([capped.status, (await readJson(capped)).code]).toEqual([409, 'membership:balance_cap'])
  })
})

describe('admin routes', () => {
  it('adjusts with a reason, once per key, audited; refuses bad input naming the field', async () => {
    const c = await shopper()
    const adjust = (body: unknown, key = 'a1') =>
      m.owner.post(m.admin(`/members/${c.id}/adjustments`), body, { 'idempotency-key': key })
    for (const [body, field] of [
      [{ ledger: 'points', delta: 100 }, 'body.reason'],
      [{ ledger: 'points', delta: 0, reason: 'goodwill' }, 'body.delta'],
      [{ ledger: 'stars', delta: 5, reason: 'goodwill' }, 'body.ledger'],
    ] as const) {
      const bad = await adjust(body)
      expect([bad.status, (await readJson(bad)).errors?.[0]?.field]).toEqual([422, field])
    }
    expect(
      (await m.rows('membership__points_entry')).filter((e) => e.customer_id === c.id),
    ).toEqual([])
    const body = { ledger: 'points', delta: 300, reason: 'goodwill for a late parcel' }
    const done = await Promise.all([adjust(body), adjust(body), adjust(body)])
    expect(done.map((r) => r.status)).toEqual([200, 200, 200])
    expect((await readJson(await c.client.get(m.store('/me')))).points).toBe(300)
    const overdraw = await adjust({ ledger: 'points', delta: -301, reason: 'correction' }, 'a2')
    expect([overdraw.status, (await readJson(overdraw)).code]).toEqual([
      409,
      'membership:insufficient_points',
    ])
    // Three requests under one key: one adjustment, one audit entry.
    expect(await audits('membership.adjusted')).toEqual([
      { target: `customer:${c.id}`, data: expect.objectContaining({ delta: 300, key: 'a1' }) },
    ])
    const missing = await m.owner.post(
      m.admin('/members/00000000-0000-4000-8000-000000000000/adjustments'),
      body,
      { 'idempotency-key': 'x' },
    )
    expect(missing.status).toBe(404)
  })

  it('lists members by search and tier in cursor pages, shows one with its ledgers, reports', async () => {
    const customers = await seedCustomers(m.core.services, m.mall.id, 3)
    for (const [i, c] of customers.entries()) {
      m.core.clock.advance(1_000)
      const r = await m.owner.post(
        m.admin(`/members/${c.id}/adjustments`),
        { ledger: 'growth', delta: 1_000 * (i + 1) * 2, reason: 'migration from old system' },
        { 'idempotency-key': `g${i}` },
      )
      expect(r.status).toBe(200)
    }
    const silver = await readJson(await m.owner.get(m.admin('/members?tier=silver&limit=1')))
    expect(silver.items).toHaveLength(1)
    expect(silver.items[0]).toMatchObject({ customerId: customers[1]!.id, tier: 'silver' })
    const all: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const page: { items: { customerId: string }[]; nextCursor: string | null } = await readJson(
        await m.owner.get(m.admin(`/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`)),
      )
      all.push(...page.items.map((i) => i.customerId))
      cursor = page.nextCursor
    }
    expect(new Set(all).size).toBe(all.length)
    expect(all.slice(0, 3)).toEqual(customers.map((c) => c.id).reverse())
    expect((await readJson(await m.owner.get(m.admin('/members?q=nobody-matches')))).items).toEqual(
      [],
    )
    expect((await m.owner.get(m.admin('/members?cursor=garbage'))).status).toBe(422)

    const detail = await readJson(await m.owner.get(m.admin(`/members/${customers[2]!.id}`)))
    expect(detail.member).toMatchObject({ tier: { id: 'gold' }, growth: 6_000 })
    expect(detail.growth.items).toEqual([expect.objectContaining({ kind: 'adjust', delta: 6_000 })])

    const report = await readJson(await m.owner.get(m.admin('/report')))
    expect(
      report.tiers.find((t: { id: string }) => t.id === 'gold').members,
    ).toBeGreaterThanOrEqual(1)
    expect(report.storedValue.outstanding).toBe(55_000)
    expect(report.points.outstanding).toBeGreaterThan(0)
    // Every entry counts somewhere: the figures add up to what customers hold.
    const { points, storedValue } = report
    expect(points.issued - points.redeemed - points.expired + points.adjusted).toBe(
      points.outstanding,
    )
    expect(storedValue.toppedUp - storedValue.spent + storedValue.adjusted).toBe(
      storedValue.outstanding,
    )
  })

  it('refuses a role without the permission', async () => {
    const email = 'service@member-routes.test'
    const user = await ensureStaffUser(m.core.services.db, {
      email,
      name: 'Service',
      password: 'service-password-1',
    })
    await setMembership(m.core.services.db, user.id, { tenantId: m.mall.id }, 'service')
    const service = m.core.client()
    await service.loginStaff(email, 'service-password-1')
    expect((await service.get(m.admin('/members'))).status).toBe(200)
    const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
    const refused = await service.post(
      m.admin(`/members/${c!.id}/adjustments`),
      { ledger: 'points', delta: 5, reason: 'just because' },
      { 'idempotency-key': 'svc' },
    )
    expect(refused.status).toBe(403)
  })

  it('answers 404 on every route while the plugin is off', async () => {
    const other = await m.core.createMall('member-off')
    const staff = m.core.client()
    await staff.loginStaff(other.ownerEmail)
    expect((await staff.get('/s/member-off/api/admin/p/membership/members')).status).toBe(404)
    expect((await m.core.client().get('/s/member-off/api/store/p/membership/me')).status).toBe(404)
  })
})
