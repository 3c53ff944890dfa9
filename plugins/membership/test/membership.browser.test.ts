import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  adminApi,
  buyDearest,
  customerPhone,
  placeAndPay,
  standing,
  storeCall,
  type CustomerPhone,
  publishMemberPage,
  demoOwner,
} from './storefront.ts'

const skip = skipWithoutChromium('membership browser test')

/** The tiers of this test: one order of the demo mall's dearest product reaches silver. */
const TIERS = [
  { id: 'regular', name: { en: 'Regular', 'zh-CN': '普通会员' }, growth: 0 },
  {
    id: 'silver',
    name: { en: 'Silver', 'zh-CN': '白银会员' },
    growth: 10,
    discountPercent: 5,
    pointsMultiplier: 1,
  },
  { id: 'gold', name: { en: 'Gold', 'zh-CN': '黄金会员' }, growth: 10_000_000 },
]

describe.skipIf(skip)('membership on the storefront, in a browser', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  let admin: ReturnType<typeof adminApi>
  let phone: CustomerPhone
  /** Whether the manifest declares the blocks (so they can be placed on a page). */
  const dirs: string[] = []
  const shot = (name: string) =>
    phone.page.screenshot({ path: join(ARTIFACTS, `membership-${name}.png`), fullPage: true })

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-membership-browser-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await demoOwner(base)
    admin = adminApi(owner, base)

    // The owner switches membership on with low thresholds, lets orders complete at receipt and
    // offers a top-up package.
    await admin('PUT', '/plugins/membership', 200, { enabled: true, settings: { tiers: TIERS } })
    const timing = await admin<Record<string, number>>('GET', '/order-settings', 200)
    await admin('PUT', '/order-settings', 200, { ...timing, completeDays: 0 })
    await admin('POST', '/p/membership/top-up-packages', 201, {
      name: '充500送50',
      amount: 50_000,
      bonus: 5_000,
    })

    // A member page with the card, check-in, top-up and points history.
    const catalog = await admin<{ items: { type: string }[] }>('GET', '/blocks', 200)
    expect(catalog.items.map((b) => b.type)).toContain('membership/member-card')
    await publishMemberPage(admin, '/member', { 'zh-CN': '会员中心', en: 'Members' }, [
      'member-card',
      'check-in',
      'top-up',
      'points-history',
    ])
    phone = await customerPhone(base)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('checks the customer in on the member page and shows the card', async () => {
    const { page } = phone
    await page.goto(`${base}/s/demo/member?lang=zh-CN`)
    await hydrated(page)
    const card = page.locator('.mk-member__card')
    await card.waitFor()
    expect(await card.locator('.mk-member__tier-name').textContent()).toBe('普通会员')
    const button = page.getByRole('button', { name: '签到', exact: true })
    await button.click()
    await expect
      .poll(() => page.locator('.mk-member--check-in [role="status"]').textContent())
      .toContain('签到成功，+5 积分')
    // Checked in: the button (its name changes) says so and is off for the day.
    const done = page.getByRole('button', { name: '今日已签到', exact: true })
    await done.waitFor()
    expect(await done.isDisabled()).toBe(true)
    // The calendar marks today, and the card follows the check-in.
    await expect.poll(() => page.locator('.mk-member__day--checked').count()).toBe(1)
    await expect.poll(() => page.getByTestId('member-points').textContent()).toBe('5')
    await shot('checked-in')
    expect((await standing(page)).points).toBe(5)
  })

  it('earns points and growth for a paid and completed order and climbs a tier', async () => {
    const { page } = phone
    await page.goto(`${base}/s/demo/?lang=zh-CN`)
    await hydrated(page)
    const before = await standing(page)
    await buyDearest(page, base, 2_000)
    const orderId = await placeAndPay(page)
    // The mall ships; the customer confirms receipt; the order completes at once (completeDays 0).
    const order = await admin<{ lines: { id: string; quantity: number }[] }>(
      'GET',
      `/orders/${orderId}`,
      200,
    )
    await admin('POST', `/orders/${orderId}/shipments`, 201, {
      carrier: 'SF',
      trackingNumber: 'SF123456',
      lines: order.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
    })
    expect((await storeCall(page, 'POST', `/orders/${orderId}/receive`)).status).toBe(200)
    await expect
      .poll(async () => (await standing(page)).tier.id, { timeout: 30_000, interval: 500 })
      .toBe('silver')
    const after = await standing(page)
    expect(after.points).toBeGreaterThan(before.points)
    expect(after.periodGrowth).toBeGreaterThanOrEqual(10)
    await page.goto(`${base}/s/demo/member?lang=zh-CN`)
    await hydrated(page)
    await expect.poll(() => page.locator('.mk-member__tier-name').textContent()).toBe('白银会员')
    await shot('silver')
  })

  it('shows the member price on a product and pays with points and balance; a refund returns both', async () => {
    const { page } = phone
    // Stored value: the customer orders a top-up, the mall confirms its payment.
    const topUp = await storeCall(page, 'GET', '/p/membership/top-up-packages')
    const pack = (topUp.body as { items: { id: string }[] }).items[0]!
    const created = await storeCall(
      page,
      'POST',
      '/p/membership/top-ups',
      { packageId: pack.id },
      'top-up-1',
    )
    expect(created.status).toBe(201)
    await admin('POST', `/p/membership/top-ups/${(created.body as { id: string }).id}/confirm`, 200)
    const before = await standing(page)
    expect(before.balance).toBe(55_000)

    const reasons = await buyDearest(page, base, 2_000, '白银会员专享价')
    expect(reasons).toContain('白银会员专享价：95折')
    await page.locator('input[name="membership-points"]').check()
    await page.locator('input[name="membership-balance"]').check()
    const amount = page.locator('#membership-balance-amount')
    await amount.fill('20')
    await amount.press('Enter')
    const summary = page.locator('.mk-summary__row--discount')
    await expect.poll(() => summary.filter({ hasText: '积分抵扣' }).count()).toBe(1)
    await expect
      .poll(() => summary.filter({ hasText: '余额支付' }).locator('dd').textContent())
      .toBe('-¥20.00')
    await expect.poll(() => page.locator('.mk-member-pay__result').count()).toBe(2)
    await shot('checkout')
    const orderId = await placeAndPay(page)

    const paid = await standing(page)
    expect(paid.balance).toBe(before.balance - 2_000)
    expect(paid.points).toBeLessThan(before.points)
    const order = await admin<{ total: number }>('GET', `/orders/${orderId}`, 200)
    await admin(
      'POST',
      `/orders/${orderId}/refunds`,
      201,
      { amount: order.total, reason: 'customer changed their mind' },
      { 'idempotency-key': `refund-${orderId}` },
    )
    await expect
      .poll(
        async () => {
          const now = await standing(page)
          return { points: now.points, balance: now.balance }
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual({ points: before.points, balance: before.balance })
    await page.goto(`${base}/s/demo/member?lang=zh-CN`)
    await hydrated(page)
    await page.locator('.mk-member__entry').first().waitFor()
    await shot('after-refund')
    expect(phone.problems).toEqual([])
  })
})
