import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { discoverPlugins } from '../../../core/src/plugins/discover.ts'
import { ensureStaffUser, setMembership } from '../../../core/test/app.ts'
import { post } from '../src/server/ledger.ts'
import { membershipMall, type MembershipMall } from './support.ts'

/**
 * The points mall: staff list coupons for points; customers exchange points for them in one
 * transaction (points through the ledger, the coupon through the coupons plugin's event), never
 * over the stock, the per-customer limit or the points they hold, and a refusal writes nothing.
 */
let m: MembershipMall

beforeAll(async () => {
  // Coupons is booted the way the core finds it: membership never imports its server code.
  const coupons = (await discoverPlugins()).find((plugin) => plugin.manifest.id === 'coupons')
  if (!coupons) throw new Error('the coupons plugin is not installed')
  m = await membershipMall('points-mall', { extra: [coupons] })
  m.core.clock.set('2026-04-01T02:00:00Z')
}, 120_000)
afterAll(() => m?.close())

const couponsAdmin = (path: string) => `/s/${m.mall.slug}/api/admin/p/coupons${path}`
const couponsStore = (path: string) => `/s/${m.mall.slug}/api/store/p/coupons${path}`

async function couponTemplate(body: Record<string, unknown> = {}) {
  const created = await m.owner.post(couponsAdmin('/templates'), {
    name: '¥10 off',
    benefit: { kind: 'amount_off', amount: 1000 },
    validity: { kind: 'relative', days: 30 },
    status: 'live',
    perCustomerLimit: 100,
    ...body,
  })
  expect(created.status, await created.clone().text()).toBe(201)
  return ((await created.json()) as { id: string }).id
}

async function item(body: Record<string, unknown> = {}) {
  const created = await m.owner.post(m.admin('/points-mall/items'), {
    name: '¥10 coupon',
    couponTemplateId: body.couponTemplateId ?? (await couponTemplate()),
    points: 100,
    ...body,
  })
  expect(created.status, await created.clone().text()).toBe(201)
  return (await created.json()) as { id: string; couponTemplateId: string }
}

/** Seeded customers holding `points` each, with signed-in clients. */
async function customers(count: number, points: number) {
  const seeded = await seedCustomers(m.core.services, m.mall.id, count)
  for (const c of seeded)
    if (points > 0)
      await m.run((ctx) =>
        post(ctx, 'points', { customerId: c.id, kind: 'adjust', delta: points, key: 'gift' }),
      )
  return seeded.map((c) => ({ id: c.id, client: m.shopper(c.cookie) }))
}

const pointsOf = async (id: string) =>
  (await m.rows('membership__account')).find((a) => a.customer_id === id)?.points ?? 0
const exchangesOf = async (itemId: string) =>
  (await m.rows('membership__mall_exchange')).filter((e) => e.item_id === itemId)
const redeemed = async (customerId: string) =>
  (await m.rows('membership__points_entry')).filter(
    (e) => e.customer_id === customerId && e.kind === 'redeem',
  )
const couponsHeld = async (client: ReturnType<MembershipMall['shopper']>, templateId: string) => {
  const mine = await readJson(await client.get(couponsStore('/mine')))
  return (mine.usable as { templateId: string }[]).filter((c) => c.templateId === templateId)
}
const exchangeOf = (client: ReturnType<MembershipMall['shopper']>, itemId: string, key: string) =>
  client.post(m.store(`/points-mall/${itemId}/exchange`), undefined, { 'idempotency-key': key })

describe('exchanging points', () => {
  it('takes the points and puts the coupon in the wallet; the same key exchanges once', async () => {
    const offer = await item({ points: 120 })
    const [c] = await customers(1, 500)
    const first = await exchangeOf(c!.client, offer.id, 'tap-1')
    expect(first.status, await first.clone().text()).toBe(201)
    expect(await readJson(first)).toMatchObject({ itemId: offer.id, points: 120, balance: 380 })
    const replay = await exchangeOf(c!.client, offer.id, 'tap-1')
    expect(replay.status).toBe(200)
    expect(await pointsOf(c!.id)).toBe(380)
    expect(await exchangesOf(offer.id)).toHaveLength(1)
    expect(await couponsHeld(c!.client, offer.couponTemplateId)).toHaveLength(1)
    const standing = await readJson(await c!.client.get(m.store('/points-mall/me')))
    expect(standing).toEqual({ points: 380, exchanged: { [offer.id]: 1 } })
  })

  it('refuses, writing nothing, without enough points, past the limit, inactive, or coupons off', async () => {
    const offer = await item({ points: 300, perCustomerLimit: 1 })
    const [poor, rich] = await customers(2, 0)
    await m.run((ctx) =>
      post(ctx, 'points', { customerId: rich!.id, kind: 'adjust', delta: 1000, key: 'gift' }),
    )
    const tooPoor = await exchangeOf(poor!.client, offer.id, 'p1')
    expect([tooPoor.status, (await readJson(tooPoor)).code]).toEqual([
      409,
      'membership:insufficient_points',
    ])
    expect((await exchangeOf(rich!.client, offer.id, 'r1')).status).toBe(201)
    const again = await exchangeOf(rich!.client, offer.id, 'r2')
    expect([again.status, (await readJson(again)).code]).toEqual([409, 'membership:exchange_limit'])

    const off = await m.owner.patch(m.admin(`/points-mall/items/${offer.id}`), { active: false })
    expect(off.status).toBe(200)
    const other = await item({ points: 10 })
    await m.owner.patch(m.admin(`/points-mall/items/${other.id}`), { active: false })
    const inactive = await exchangeOf(rich!.client, other.id, 'r3')
    expect([inactive.status, (await readJson(inactive)).code]).toEqual([
      409,
      'membership:item_unavailable',
    ])
    await m.owner.patch(m.admin(`/points-mall/items/${other.id}`), { active: true })
    const couponsOff = await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/coupons`, {
      enabled: false,
    })
    expect(couponsOff.status).toBe(200)
    const refused = await exchangeOf(rich!.client, other.id, 'r4')
    expect([refused.status, (await readJson(refused)).code]).toEqual([
      409,
      'membership:coupons_off',
    ])
    expect(
      (await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/coupons`, { enabled: true })).status,
    ).toBe(200)
    expect(await pointsOf(poor!.id)).toBe(0)
    expect(await pointsOf(rich!.id)).toBe(700)
    expect(await exchangesOf(other.id)).toHaveLength(0)
    expect(await redeemed(rich!.id)).toHaveLength(1)
  })

  it('gives the points back untouched when the coupons plugin refuses the coupon', async () => {
    const templateId = await couponTemplate()
    const offer = await item({ couponTemplateId: templateId, points: 50 })
    const paused = await m.owner.post(couponsAdmin(`/templates/${templateId}/pause`), {})
    expect(paused.status).toBe(200)
    const [c] = await customers(1, 100)
    const refused = await exchangeOf(c!.client, offer.id, 'k')
    expect([refused.status, (await readJson(refused)).code]).toEqual([409, 'coupons:not_claimable'])
    expect(await pointsOf(c!.id)).toBe(100)
    expect(await redeemed(c!.id)).toHaveLength(0)
    expect(await exchangesOf(offer.id)).toHaveLength(0)
    expect(await couponsHeld(c!.client, templateId)).toHaveLength(0)
  })
})

describe('exchanges under concurrency', () => {
  it('gives exactly 10 of a stock of 10 to 50 customers exchanging at once, taking points 10 times', async () => {
    const offer = await item({ points: 100, stock: 10 })
    const buyers = await customers(50, 100)
    const answers = await Promise.all(
      buyers.map((b, i) => exchangeOf(b.client, offer.id, `rush-${i}`)),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(40)
    const refused = await answers.find((a) => a.status === 409)!.json()
    expect(refused).toMatchObject({ code: 'membership:out_of_stock' })
    expect(await exchangesOf(offer.id)).toHaveLength(10)
    const entries = (await m.rows('membership__points_entry')).filter(
      (e) => e.kind === 'redeem' && buyers.some((b) => b.id === e.customer_id),
    )
    expect(entries).toHaveLength(10)
    const items = await m.rows('membership__mall_item')
    expect(items.find((i) => i.id === offer.id)?.exchanged).toBe(10)
    const offers = await readJson(await m.core.client().get(m.store('/points-mall')))
    expect(offers.items.find((i: { id: string }) => i.id === offer.id)).toMatchObject({
      remaining: 0,
    })
  }, 120_000)

  it("never takes one customer's points below zero, however many exchanges race", async () => {
    const offer = await item({ points: 100, perCustomerLimit: 50 })
    const [c] = await customers(1, 350)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => exchangeOf(c!.client, offer.id, `race-${i}`)),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(17)
    expect(await pointsOf(c!.id)).toBe(50)
    expect(await redeemed(c!.id)).toHaveLength(3)
    expect(await couponsHeld(c!.client, offer.couponTemplateId)).toHaveLength(3)
  }, 120_000)

  it('exchanges once for one Idempotency-Key sent five times at once', async () => {
    const offer = await item({ points: 10, perCustomerLimit: 10 })
    const [c] = await customers(1, 100)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => exchangeOf(c!.client, offer.id, 'same-key')),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 201])
    expect(await pointsOf(c!.id)).toBe(90)
    expect(await exchangesOf(offer.id)).toHaveLength(1)
    expect(await couponsHeld(c!.client, offer.couponTemplateId)).toHaveLength(1)
  }, 120_000)
})

describe('staff routes', () => {
  const audits = (action: string) =>
    withTenant(m.core.services.db, m.mall.id, (tx) =>
      tx.selectFrom('core__audit_log').select(['target']).where('action', '=', action).execute(),
    )

  it('validates input naming the field and writes nothing', async () => {
    const before = (await m.rows('membership__mall_item')).length
    for (const [body, field] of [
      [{ name: 'x', couponTemplateId: 'nope', points: 10 }, 'body.couponTemplateId'],
      [{ name: 'x', couponTemplateId: crypto.randomUUID(), points: 0 }, 'body.points'],
      [{ name: '', couponTemplateId: crypto.randomUUID(), points: 10 }, 'body.name'],
      [{ name: 'x', couponTemplateId: crypto.randomUUID(), points: 1, stock: -1 }, 'body.stock'],
    ] as const) {
      const bad = await m.owner.post(m.admin('/points-mall/items'), body)
      expect(bad.status).toBe(422)
      const problem = await readJson(bad)
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
    }
    expect(await m.rows('membership__mall_item')).toHaveLength(before)
    const [c] = await customers(1, 100)
    const badId = await exchangeOf(c!.client, 'nope', 'k1')
    expect(badId.status).toBe(422)
    expect(JSON.stringify(await readJson(badId))).toContain('itemId')
    const offer = await item()
    const noKey = await c!.client.post(m.store(`/points-mall/${offer.id}/exchange`))
    expect(noKey.status).toBe(422)
    expect(JSON.stringify(await readJson(noKey))).toContain('idempotency-key')
    expect(await pointsOf(c!.id)).toBe(100)
    expect(await exchangesOf(offer.id)).toHaveLength(0)
  })

  it('lists with search and pages, edits, refuses stock below what was exchanged, deletes after audit', async () => {
    const offer = await item({ name: 'Tea voucher 茶券', points: 10, stock: 5 })
    const [c] = await customers(1, 100)
    expect((await exchangeOf(c!.client, offer.id, 'tea')).status).toBe(201)
    const found = await readJson(await m.owner.get(m.admin('/points-mall/items?q=%E8%8C%B6')))
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([offer.id])
    expect(found.items[0]).toMatchObject({ exchanged: 1, stock: 5 })
    const first = await readJson(await m.owner.get(m.admin('/points-mall/items?limit=2')))
    expect(first.items).toHaveLength(2)
    const next = await readJson(
      await m.owner.get(m.admin(`/points-mall/items?limit=2&cursor=${first.nextCursor}`)),
    )
    expect(next.items[0].id).not.toBe(first.items[1].id)

    const low = await m.owner.patch(m.admin(`/points-mall/items/${offer.id}`), { stock: 0 })
    expect(low.status).toBe(409)
    expect((await readJson(low)).errors).toEqual([{ field: 'body.stock', message: 'at least 1' }])
    const edited = await m.owner.patch(m.admin(`/points-mall/items/${offer.id}`), {
      points: 20,
      stock: null,
    })
    expect(await readJson(edited)).toMatchObject({ points: 20, stock: null })

    expect((await m.owner.delete(m.admin(`/points-mall/items/${offer.id}`))).status).toBe(204)
    expect((await m.owner.get(m.admin(`/points-mall/items/${offer.id}`))).status).toBe(404)
    const gone = await exchangeOf(c!.client, offer.id, 'tea-2')
    expect(gone.status).toBe(404)
    const offers = await readJson(await m.core.client().get(m.store('/points-mall')))
    expect(offers.items.map((i: { id: string }) => i.id)).not.toContain(offer.id)
    for (const action of ['created', 'edited', 'deleted'])
      expect(
        (await audits(`membership.points-mall-item-${action}`)).map((a) => a.target),
      ).toContain(`membership:mall-item:${offer.id}`)
  })

  it('lists the offers publicly and cacheably, and refuses staff without the permission', async () => {
    const guest = await m.core.client().get(m.store('/points-mall'))
    expect(guest.status).toBe(200)
    expect(guest.headers.get('cache-control')).toBe('public, max-age=15')
    expect((await m.core.client().get(m.store('/points-mall/me'))).status).toBe(401)
    const email = 'service@points-mall.test'
    const user = await ensureStaffUser(m.core.services.db, {
      email,
      name: 'Service',
      password: 'service-password-1',
    })
    await setMembership(m.core.services.db, user.id, { tenantId: m.mall.id }, 'service')
    const service = m.core.client()
    await service.loginStaff(email, 'service-password-1')
    expect((await service.get(m.admin('/points-mall/items'))).status).toBe(403)
    const refused = await service.post(m.admin('/points-mall/items'), {
      name: 'x',
      couponTemplateId: crypto.randomUUID(),
      points: 10,
    })
    expect(refused.status).toBe(403)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await readJson(await m.core.client().get('/api/openapi.json'))
    const store = '/api/store/p/membership/points-mall'
    const admin = '/api/admin/p/membership/points-mall/items'
    expect(doc.paths[store]?.get).toBeDefined()
    expect(doc.paths[`${store}/me`]?.get).toBeDefined()
    expect(doc.paths[`${store}/{itemId}/exchange`]?.post).toBeDefined()
    expect(Object.keys(doc.paths[admin] ?? {})).toEqual(expect.arrayContaining(['get', 'post']))
    expect(Object.keys(doc.paths[`${admin}/{itemId}`] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    )
    expect(doc.components.schemas.PointsMallItemInput.properties).toHaveProperty('couponTemplateId')
    // The membership routes mounted before still are.
    expect(doc.paths['/api/store/p/membership/me']?.get).toBeDefined()
    expect(doc.paths['/api/admin/p/membership/members']?.get).toBeDefined()
  })

  it("refuses another mall's items to its staff and customers, writing nothing", async () => {
    const other = await m.core.createMall('points-mall-other')
    const otherOwner = m.core.client()
    await otherOwner.loginStaff(other.ownerEmail)
    for (const id of ['coupons', 'membership'])
      expect(
        (await otherOwner.put(`/s/${other.slug}/api/admin/plugins/${id}`, { enabled: true }))
          .status,
      ).toBe(200)
    const mine = await item({ name: 'Ours only' })
    const theirs = `/s/${other.slug}/api/admin/p/membership/points-mall/items/${mine.id}`
    expect((await otherOwner.get(theirs)).status).toBe(404)
    expect((await otherOwner.patch(theirs, { points: 1 })).status).toBe(404)
    expect((await otherOwner.delete(theirs)).status).toBe(404)
    // Our owner's session is refused on the other mall's admin routes.
    expect(
      (await m.owner.get(`/s/${other.slug}/api/admin/p/membership/points-mall/items`)).status,
    ).toBe(403)
    const [c] = await seedCustomers(m.core.services, other.id, 1)
    const stranger = m.shopper(c!.cookie)
    const tap = await stranger.post(
      `/s/${other.slug}/api/store/p/membership/points-mall/${mine.id}/exchange`,
      undefined,
      { 'idempotency-key': 'stranger' },
    )
    expect(tap.status).toBe(404)
    const after = (await m.rows('membership__mall_item')).find((i) => i.id === mine.id)
    expect(after).toMatchObject({ points: 100, exchanged: 0, deleted_at: null })
  })
})
