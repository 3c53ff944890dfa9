import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import { discoverPlugins } from '../../../core/src/plugins/discover.ts'
import { MembershipSettings } from '../src/manifest.ts'
import { grantBirthdays, setBirthday } from '../src/server/birthday.ts'
import { calendar, checkIn, makeUp } from '../src/server/check-in.ts'
import { addGrowth } from '../src/server/tiers.ts'
import { membershipMall, type MembershipMall } from './support.ts'

/**
 * Acceptance 3 of issue 7: check-in and birthday rewards follow the mall's calendar (Shanghai,
 * UTC+8 here), moved by the core's manual clock across the timezone's midnight.
 */
let m: MembershipMall

beforeAll(async () => {
  // Coupons (for birthday coupons) is booted the way the core finds it, never imported by name.
  const coupons = (await discoverPlugins()).find((plugin) => plugin.manifest.id === 'coupons')
  if (!coupons) throw new Error('the coupons plugin is not installed')
  m = await membershipMall('member-days', { timezone: 'Asia/Shanghai', extra: [coupons] })
}, 120_000)
afterAll(() => m?.close())

async function customer() {
  const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
  return c!
}
const pointsOf = async (id: string) =>
  (await m.rows('membership__account')).find((a) => a.customer_id === id)?.points ?? 0

describe('check-in', () => {
  it('counts days in the mall timezone: 15:59 and 16:01 UTC are two Shanghai days', async () => {
    const c = await customer()
    m.core.clock.set('2026-03-10T15:59:00Z') // 23:59 on 10 March in Shanghai
    expect(await m.run((ctx) => checkIn(ctx, c.id))).toMatchObject({ day: '2026-03-10', streak: 1 })
    await expect(m.run((ctx) => checkIn(ctx, c.id))).rejects.toMatchObject({
      problemCode: 'membership:already_checked_in',
    })
    m.core.clock.set('2026-03-10T16:01:00Z') // 00:01 on 11 March in Shanghai, same UTC day
    expect(await m.run((ctx) => checkIn(ctx, c.id))).toMatchObject({ day: '2026-03-11', streak: 2 })
    expect(await pointsOf(c.id)).toBe(10)
  })

  it('gives one check-in for taps at once, the streak bonus on the 7th day, make-ups within the rules', async () => {
    const c = await customer()
    m.core.clock.set('2026-05-01T01:00:00Z')
    const taps = await Promise.allSettled(
      Array.from({ length: 5 }, () => m.run((ctx) => checkIn(ctx, c.id))),
    )
    expect(taps.filter((t) => t.status === 'fulfilled')).toHaveLength(1)
    // Days 2 to 6, skipping day 4.
    for (const day of [2, 3, 5, 6]) {
      m.core.clock.set(`2026-05-0${day}T01:00:00Z`)
      await m.run((ctx) => checkIn(ctx, c.id))
    }
    expect((await m.run((ctx) => calendar(ctx, c.id))).streak).toBe(2)
    await expect(m.run((ctx) => makeUp(ctx, c.id, '2026-05-06'))).rejects.toMatchObject({
      problemCode: 'membership:make_up_refused',
    })
    await expect(m.run((ctx) => makeUp(ctx, c.id, '2026-04-20'))).rejects.toMatchObject({
      problemCode: 'membership:make_up_refused',
    })
    const before = await pointsOf(c.id)
    expect(await m.run((ctx) => makeUp(ctx, c.id, '2026-05-04'))).toMatchObject({ streak: 4 })
    // The day's 5 points less the make-up's cost of 10.
    expect(await pointsOf(c.id)).toBe(before - 5)
    m.core.clock.set('2026-05-07T01:00:00Z')
    expect(await m.run((ctx) => checkIn(ctx, c.id))).toMatchObject({
      streak: 7,
      bonus: 20,
      points: 25,
    })
    const month = await m.run((ctx) => calendar(ctx, c.id, '2026-05'))
    expect(month.days.map((d) => d.day)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
    ])
    expect(month.days.find((d) => d.day === '2026-05-04')?.madeUp).toBe(true)
    expect(month.makeUpsLeft).toBe(1)
  })
})

describe('birthday rewards', () => {
  it('grants on the Shanghai birthday, once per year, whatever the UTC date says', async () => {
    const c = await customer()
    await m.run((ctx) => setBirthday(ctx, c.id, '1990-06-15'))
    await expect(m.run((ctx) => setBirthday(ctx, c.id, '1990-06-16'))).rejects.toMatchObject({
      problemCode: 'membership:birthday_set',
    })
    m.core.clock.set('2026-06-14T15:30:00Z') // 23:30 on 14 June in Shanghai
    await m.run(grantBirthdays)
    expect(await pointsOf(c.id)).toBe(0)
    m.core.clock.set('2026-06-14T16:30:00Z') // 00:30 on 15 June in Shanghai, still 14 June in UTC
    await m.run(grantBirthdays)
    await m.run(grantBirthdays)
    expect(await pointsOf(c.id)).toBe(50)
    m.core.clock.set('2026-06-15T15:59:00Z') // 23:59 on 15 June in Shanghai: runs again, nothing more
    await m.run(grantBirthdays)
    expect(await pointsOf(c.id)).toBe(50)
    m.core.clock.set('2027-06-15T02:00:00Z')
    await m.run(grantBirthdays)
    expect(await pointsOf(c.id)).toBe(100)
  })

  it("celebrates 29 February on the 28th in other years, with the tier's points", async () => {
    const c = await customer()
    await m.run(async (ctx) => {
      await setBirthday(ctx, c.id, '2000-02-29')
      await addGrowth(ctx, { customerId: c.id, kind: 'adjust', delta: 5_000, key: 'vip' })
    })
    m.core.clock.set('2027-02-27T17:00:00Z') // 01:00 on 28 February 2027 in Shanghai
    await m.run(grantBirthdays)
    // Gold's birthday points.
    expect(await pointsOf(c.id)).toBe(300)
  })
})

describe('birthday coupons', () => {
  const couponsApi = (path: string) => `/s/${m.mall.slug}/api/${path}`

  /** A live coupon of the coupons plugin, made through its admin API. */
  async function coupon(body: Record<string, unknown> = {}) {
    const created = await m.owner.post(couponsApi('admin/p/coupons/templates'), {
      name: 'Birthday ¥20',
      benefit: { kind: 'amount_off', amount: 2000 },
      validity: { kind: 'relative', days: 30 },
      status: 'live',
      perCustomerLimit: 5,
      ...body,
    })
    expect(created.status, await created.clone().text()).toBe(201)
    return ((await created.json()) as { id: string }).id
  }

  /** Gives every tier `templateId` as its birthday coupon (empty: none). */
  async function birthdayCoupon(templateId: string) {
    const { tiers } = MembershipSettings.parse({})
    await m.settings({ tiers: tiers.map((tier) => ({ ...tier, birthdayCouponId: templateId })) })
  }

  async function celebrant(birthday: string) {
    const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
    await m.run((ctx) => setBirthday(ctx, c!.id, birthday))
    const client = m.shopper(c!.cookie)
    const held = async () => {
      const mine = await readJson(await client.get(couponsApi('store/p/coupons/mine')))
      // Every coupon held, the expired ones too (last year's has run out by the next birthday).
      return ['usable', 'used', 'expired'].reduce((n, list) => n + (mine[list] as []).length, 0)
    }
    return { id: c!.id, held }
  }

  it('gives the coupon with the points on the Shanghai birthday, once a year', async () => {
    await birthdayCoupon(await coupon())
    const c = await celebrant('1991-08-20')
    m.core.clock.set('2026-08-19T15:59:00Z') // 23:59 on 19 August in Shanghai
    await m.run(grantBirthdays)
    expect([await pointsOf(c.id), await c.held()]).toEqual([0, 0])
    m.core.clock.set('2026-08-19T16:01:00Z') // 00:01 on 20 August in Shanghai, 19 August in UTC
    expect(await m.run(grantBirthdays)).toBe(1)
    await m.run(grantBirthdays)
    m.core.clock.set('2026-08-20T15:00:00Z') // 23:00 on 20 August in Shanghai
    await m.run(grantBirthdays)
    expect([await pointsOf(c.id), await c.held()]).toEqual([50, 1])
    m.core.clock.set('2027-08-19T16:30:00Z') // the next birthday, in Shanghai
    await m.run(grantBirthdays)
    expect([await pointsOf(c.id), await c.held()]).toEqual([100, 2])
    await birthdayCoupon('')
  })

  it('still gives the points when the coupon is refused, and does not try the coupon again', async () => {
    const templateId = await coupon()
    const paused = await m.owner.post(
      couponsApi(`admin/p/coupons/templates/${templateId}/pause`),
      {},
    )
    expect(paused.status).toBe(200)
    await birthdayCoupon(templateId)
    const c = await celebrant('1992-09-10')
    m.core.clock.set('2026-09-09T16:30:00Z') // 00:30 on 10 September in Shanghai
    await m.run(grantBirthdays)
    expect([await pointsOf(c.id), await c.held()]).toEqual([50, 0])
    // Resumed later that day: the year's gift was given (and the refusal logged), nothing more.
    const resumed = await m.owner.post(
      couponsApi(`admin/p/coupons/templates/${templateId}/resume`),
      {},
    )
    expect(resumed.status).toBe(200)
    m.core.clock.set('2026-09-10T03:00:00Z')
    await m.run(grantBirthdays)
    expect([await pointsOf(c.id), await c.held()]).toEqual([50, 0])
    await birthdayCoupon('')
  })

  it('gives the points alone while coupons is off for the mall', async () => {
    await birthdayCoupon(await coupon())
    const c = await celebrant('1993-10-05')
    const off = await m.owner.put(couponsApi('admin/plugins/coupons'), { enabled: false })
    expect(off.status).toBe(200)
    m.core.clock.set('2026-10-04T16:30:00Z') // 00:30 on 5 October in Shanghai
    await m.run(grantBirthdays)
    expect(await pointsOf(c.id)).toBe(50)
    const on = await m.owner.put(couponsApi('admin/plugins/coupons'), { enabled: true })
    expect(on.status).toBe(200)
    expect(await c.held()).toBe(0)
    await birthdayCoupon('')
  })

  it('refuses a birthday coupon id that is not a uuid, naming the field', async () => {
    const { tiers } = MembershipSettings.parse({})
    const saved = await m.owner.put(couponsApi('admin/plugins/membership'), {
      enabled: true,
      settings: { tiers: tiers.map((tier) => ({ ...tier, birthdayCouponId: 'gift' })) },
    })
    expect(saved.status).toBe(422)
    const fields = ((await readJson(saved)).errors as { field: string }[]).map((e) => e.field)
    expect(fields.some((f) => f.endsWith('tiers.0.birthdayCouponId'))).toBe(true)
  })
})
