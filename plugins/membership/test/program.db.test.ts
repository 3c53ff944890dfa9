import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readJson, seedCustomers, seedSku } from '../../../core/src/commerce/orders/testing.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { membershipMall, type MembershipMall } from './support.ts'

let m: MembershipMall

beforeAll(async () => {
  m = await membershipMall('member-program')
}, 120_000)
afterAll(() => m?.close())

const setSku = (skuId: string, price: number) =>
  withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx.updateTable('core__sku').set({ price }).where('id', '=', skuId).execute(),
  )
const setProduct = (productId: string, status: 'active' | 'draft') =>
  withTenant(m.core.services.db, m.mall.id, (tx) =>
    tx.updateTable('core__product').set({ status }).where('id', '=', productId).execute(),
  )

describe('GET /program', () => {
  it('describes the default programme to a guest: tiers in order, earn rules, redemption, stored value, no card', async () => {
    const guest = m.core.client()
    const response = await guest.get(m.store('/program'))
    expect(response.status).toBe(200)
    const program = await readJson(response)
    expect(program.tiers.map((t: { id: string; growth: number }) => [t.id, t.growth])).toEqual([
      ['regular', 0],
      ['silver', 1000],
      ['gold', 5000],
      ['diamond', 20000],
    ])
    expect(program.tiers[1]).toEqual({
      id: 'silver',
      name: { en: 'Silver', 'zh-CN': '白银会员' },
      growth: 1000,
      discountPercent: 2,
      freeShippingThreshold: 19900,
      pointsMultiplier: 1.2,
      birthdayPoints: 100,
    })
    expect(program).toMatchObject({
      currency: 'CNY',
      growth: { perYuan: 1, evaluationDays: 365 },
      points: { perYuan: 1, registration: 100, expire: true, share: { points: 0, dailyCap: 3 } },
      checkIn: {
        points: 5,
        streakDays: 7,
        streakBonus: 20,
        makeUp: { perMonth: 2, withinDays: 7, cost: 10 },
      },
      redemption: { enabled: true, pointsPerYuan: 100, maxSharePercent: 50 },
      storedValue: { enabled: true, cap: 500_000 },
      card: {
        enabled: false,
        trialDays: 7,
        discountPercent: 5,
        pointsMultiplierBonus: 0.5,
        plans: [],
      },
    })
  })

  it('is the same answer for a signed-in customer, marked cacheable, and a 304 while unchanged', async () => {
    const guest = await m.core.client().get(m.store('/program'))
    const [c] = await seedCustomers(m.core.services, m.mall.id, 1)
    const customer = m.shopper(c!.cookie)
    const signedIn = await customer.get(m.store('/program'))
    expect(await signedIn.text()).toBe(await guest.text())
    expect(signedIn.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(signedIn.headers.get('set-cookie')).toBeNull()
    const etag = signedIn.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    expect(signedIn.headers.get('etag')).toBe(guest.headers.get('etag'))
    const again = await customer.get(m.store('/program'), { 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('follows a settings change at once: the old ETag no longer matches', async () => {
    const before = await m.core.client().get(m.store('/program'))
    const etag = before.headers.get('etag')!
    await m.settings({ checkIn: { points: 8 }, redemption: { enabled: false } })
    const after = await m.core.client().get(m.store('/program'), { 'if-none-match': etag })
    expect(after.status).toBe(200)
    const program = await readJson(after)
    expect(program.checkIn).toMatchObject({ points: 8, streakDays: 7 })
    expect(program.redemption.enabled).toBe(false)
    expect(after.headers.get('etag')).not.toBe(etag)
    await m.settings({})
  })

  it("lists the card's plans on sale with their SKU's current catalog price", async () => {
    const monthly = await seedSku(m.core.services, m.mall.id, { stock: 100, price: 1_990 })
    const yearly = await seedSku(m.core.services, m.mall.id, { stock: 100, price: 16_800 })
    await m.settings({
      card: {
        enabled: true,
        trialDays: 3,
        plans: [
          { id: 'monthly', days: 31, skuId: monthly.skuId },
          { id: 'quarterly', days: 92, skuId: null },
          { id: 'yearly', days: 366, skuId: yearly.skuId },
        ],
      },
    })
    const card = async () => (await readJson(await m.core.client().get(m.store('/program')))).card
    expect(await card()).toEqual({
      enabled: true,
      trialDays: 3,
      discountPercent: 5,
      pointsMultiplierBonus: 0.5,
      plans: [
        { id: 'monthly', days: 31, skuId: monthly.skuId, price: 1_990 },
        { id: 'yearly', days: 366, skuId: yearly.skuId, price: 16_800 },
      ],
    })

    // The catalog's price, as it is now; a plan whose product is withdrawn is not on sale.
    await setSku(yearly.skuId, 15_800)
    await setProduct(monthly.productId, 'draft')
    expect((await card()).plans).toEqual([
      { id: 'yearly', days: 366, skuId: yearly.skuId, price: 15_800 },
    ])
    await setProduct(monthly.productId, 'active')

    await m.settings({
      card: { enabled: false, plans: [{ id: 'monthly', days: 31, skuId: monthly.skuId }] },
    })
    expect(await card()).toMatchObject({ enabled: false, plans: [] })
    await m.settings({})
  })

  it('answers 404 once the plugin is off for the mall, though the answer was cached', async () => {
    const guest = m.core.client()
    await guest.get(m.store('/program'))
    expect((await guest.get(m.store('/program'))).headers.get('x-mallkit-cache')).toBe('hit')
    await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/membership`, { enabled: false })
    expect((await m.core.client().get(m.store('/program'))).status).toBe(404)
    await m.owner.put(`/s/${m.mall.slug}/api/admin/plugins/membership`, { enabled: true })
    expect((await m.core.client().get(m.store('/program'))).status).toBe(200)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await readJson(await m.core.client().get('/api/openapi.json'))
    const program = doc.paths['/api/store/p/membership/program']?.get
    expect(program?.responses?.['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/MembershipProgram',
    })
    expect(doc.components.schemas.MembershipProgram.properties).toHaveProperty('card')
    expect(doc.paths['/api/store/p/membership/share']?.post).toBeDefined()
  })
})
