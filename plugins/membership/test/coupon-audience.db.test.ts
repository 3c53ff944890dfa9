import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import { discoverPlugins } from '../../../core/src/plugins/discover.ts'
import { addGrowth } from '../src/server/tiers.ts'
import { membershipMall, type MembershipMall } from './support.ts'

/**
 * Acceptance 4 of issue 7: a coupon's audience targets a membership tier through the core's
 * segment directory; the two plugins are only booted together here, neither reads the other's
 * tables or imports the other's server code (coupons is found in the plugins folder, as the
 * core finds it).
 */
let m: MembershipMall

beforeAll(async () => {
  // Coupons is booted the way the core finds it, from the plugins folder, not imported by name.
  const coupons = (await discoverPlugins()).find((plugin) => plugin.manifest.id === 'coupons')
  if (!coupons) throw new Error('the coupons plugin is not installed')
  m = await membershipMall('tier-coupons', { extra: [coupons] })
}, 120_000)
afterAll(() => m?.close())

const couponsAdmin = (path: string) => `/s/${m.mall.slug}/api/admin/p/coupons${path}`
const couponsStore = (path: string) => `/s/${m.mall.slug}/api/store/p/coupons${path}`

async function goldCoupon() {
  const created = await m.owner.post(couponsAdmin('/templates'), {
    name: 'Gold members ¥30 off',
    benefit: { kind: 'amount_off', amount: 3000 },
    validity: { kind: 'relative', days: 7 },
    audience: { kind: 'segment', segment: 'membership:tier:gold' },
    status: 'live',
  })
  expect(created.status, await created.clone().text()).toBe(201)
  return (await readJson(created)).id as string
}

describe('tier segments for coupon audiences', () => {
  it('lets a gold member claim a gold-tier coupon and refuses a regular customer', async () => {
    const id = await goldCoupon()
    const [gold, regular] = await seedCustomers(m.core.services, m.mall.id, 2)
    await m.run((ctx) =>
      addGrowth(ctx, { customerId: gold!.id, kind: 'adjust', delta: 5_000, key: 'vip' }),
    )
    const claim = (cookie: string) =>
      m.shopper(cookie).post(couponsStore(`/offers/${id}/claim`), {}, { 'idempotency-key': 'c1' })

    expect((await claim(gold!.cookie)).status).toBe(201)
    const refused = await claim(regular!.cookie)
    expect(refused.status).toBe(403)
    expect((await readJson(refused)).code).toBe('coupons:not_eligible')
  })

  it('lists the tiers as segments with labels while membership is on, and none once it is off', async () => {
    const listed = await m.run((ctx) => ctx.segments.list())
    expect(listed).toEqual([
      {
        id: 'membership:tier:regular',
        label: { en: 'Regular members', 'zh-CN': '普通会员' },
        pluginId: 'membership',
      },
      {
        id: 'membership:tier:silver',
        label: { en: 'Silver members', 'zh-CN': '白银会员' },
        pluginId: 'membership',
      },
      {
        id: 'membership:tier:gold',
        label: { en: 'Gold members', 'zh-CN': '黄金会员' },
        pluginId: 'membership',
      },
      {
        id: 'membership:tier:diamond',
        label: { en: 'Diamond members', 'zh-CN': '钻石会员' },
        pluginId: 'membership',
      },
    ])
    // The same list is the admin API's, for the console's audience picker.
    const answered = await m.owner.get(`/s/${m.mall.slug}/api/admin/segments`)
    expect(answered.status).toBe(200)
    expect((await readJson(answered)).items).toEqual(listed)
    const [newcomer] = await seedCustomers(m.core.services, m.mall.id, 1)
    expect(await m.run((ctx) => ctx.segments.of(newcomer!.id))).toEqual(['membership:tier:regular'])
    // Ids outside a plugin's own prefix, and plugins without segments, answer nothing.
    expect(await m.run((ctx) => ctx.segments.includes('coupons:anything', newcomer!.id))).toBe(
      false,
    )

    const id = await goldCoupon()
    const [gold] = await seedCustomers(m.core.services, m.mall.id, 1)
    await m.run((ctx) =>
      addGrowth(ctx, { customerId: gold!.id, kind: 'adjust', delta: 5_000, key: 'vip' }),
    )
    const off = await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/membership`, {
      enabled: false,
    })
    expect(off.status).toBe(200)
    expect(await m.run((ctx) => ctx.segments.list())).toEqual([])
    const claimed = await m
      .shopper(gold!.cookie)
      .post(couponsStore(`/offers/${id}/claim`), {}, { 'idempotency-key': 'c2' })
    expect(claimed.status).toBe(403)
    expect(
      (await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/membership`, { enabled: true }))
        .status,
    ).toBe(200)
    const again = await m
      .shopper(gold!.cookie)
      .post(couponsStore(`/offers/${id}/claim`), {}, { 'idempotency-key': 'c3' })
    expect(again.status).toBe(201)
  })
})
