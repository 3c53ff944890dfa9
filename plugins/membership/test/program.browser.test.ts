import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  adminApi,
  customerPhone,
  type CustomerPhone,
  publishMemberPage,
  demoOwner,
} from './storefront.ts'

const skip = skipWithoutChromium('membership programme browser test')

/**
 * The programme blocks in a browser: a guest sees the tier ladder, the earn and check-in rules
 * and the card's plans with a buy-now button; the signed-in customer's tier is marked on the
 * ladder and the member card names the next tier and its threshold.
 */
describe.skipIf(skip)('the membership programme on the storefront', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  let sku: { id: string; price: number }
  const phones: CustomerPhone[] = []
  const dirs: string[] = []

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-membership-program-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await demoOwner(base)
    const admin = adminApi(owner, base)

    // A product of the demo catalog stands in for the monthly card.
    const products = await (await owner.get(`${base}/s/demo/api/store/products?limit=1`)).json()
    const product = await (
      await owner.get(`${base}/s/demo/api/store/products/${products.items[0].id}`)
    ).json()
    sku = { id: product.skus[0].id, price: product.skus[0].price }
    await admin('PUT', '/plugins/membership', 200, {
      enabled: true,
      settings: {
        card: { enabled: true, plans: [{ id: 'monthly', days: 31, skuId: sku.id }] },
        points: { share: 5, shareDailyCap: 2 },
      },
    })
    await publishMemberPage(admin, '/benefits', { 'zh-CN': '会员权益', en: 'Benefits' }, [
      'member-card',
      'benefits',
      'check-in',
      'paid-card',
    ])
  }, 180_000)

  afterAll(async () => {
    for (const phone of phones) await phone.close()
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('shows a guest the ladder, the rules and the plans, with buy now to checkout', async () => {
    const phone = await customerPhone(base, { guest: true })
    phones.push(phone)
    const { page } = phone
    await page.goto(`${base}/s/demo/benefits?lang=zh-CN`)
    await hydrated(page)
    const ladder = page.locator('.mk-member__ladder > li')
    await expect.poll(() => ladder.count()).toBe(4)
    expect(await ladder.locator('h3').allTextContents()).toEqual([
      '普通会员',
      '白银会员',
      '黄金会员',
      '钻石会员',
    ])
    expect(await ladder.nth(1).textContent()).toContain('成长值满 1000')
    expect(await ladder.nth(1).textContent()).toContain('会员价 9.8 折')
    expect(await page.locator('.mk-member__benefits--mine').count()).toBe(0)
    const rules = await page.locator('.mk-member--benefits .mk-member__rules').textContent()
    expect(rules).toContain('分享页面 +5 积分，每天最多 2 次')
    expect(await page.locator('.mk-member--check-in .mk-member__rules').textContent()).toContain(
      '每日签到 +5 积分，每连续签到 7 天再 +20',
    )

    const plan = page.locator('.mk-member__plan[data-plan="monthly"]')
    await plan.waitFor()
    expect(await plan.textContent()).toContain('月卡')
    expect(await plan.textContent()).toContain('31 天')
    const price = `¥${Math.floor(sku.price / 100)}.${String(sku.price % 100).padStart(2, '0')}`
    expect(await plan.locator('.mk-member__price').textContent()).toBe(price)
    const buy = plan.getByRole('link', { name: `开通月卡，${price}` })
    expect(await buy.getAttribute('href')).toBe(`/s/demo/checkout?sku=${sku.id}&qty=1`)
    expect(await page.locator('.mk-member--paid-card').textContent()).toContain(
      '未开通过会员卡的顾客可免费试用 7 天',
    )
    await page.screenshot({
      path: join(ARTIFACTS, 'membership-programme-guest.png'),
      fullPage: true,
    })
    expect(phone.problems).toEqual([])
  })

  it("marks the customer's tier after hydration, names the next tier's threshold, and buys a plan now", async () => {
    const phone = await customerPhone(base)
    phones.push(phone)
    const { page } = phone
    await page.goto(`${base}/s/demo/benefits?lang=zh-CN`)
    await hydrated(page)
    const mine = page.locator('.mk-member__benefits--mine')
    await mine.waitFor()
    expect(await mine.getAttribute('data-tier')).toBe('regular')
    expect(await mine.getAttribute('aria-current')).toBe('true')
    expect(await mine.locator('.mk-member__badge').textContent()).toBe('你的等级')
    await expect
      .poll(() => page.locator('.mk-member__card .mk-member__threshold').textContent())
      .toMatch(/^白银会员需成长值 1000，当前 \d+$/)
    await expect.poll(() => page.locator('.mk-member--check-in .mk-member__rules').count()).toBe(1)
    await page.screenshot({
      path: join(ARTIFACTS, 'membership-programme-member.png'),
      fullPage: true,
    })

    await page.getByRole('link', { name: /^开通月卡/ }).click()
    await page.waitForURL(`**/s/demo/checkout?sku=${sku.id}&qty=1`)
    await hydrated(page)
    expect(phone.problems).toEqual([])
  })
})
