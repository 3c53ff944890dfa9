import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request, type APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import {
  ARTIFACTS,
  collectProblems,
  hydrated,
  launchChromium,
  PHONE,
  skipWithoutChromium,
} from '../../../tenant-ui/test/browser.ts'

const skip = skipWithoutChromium('coupon centre browser test')

/** A page document as the admin pages API returns its draft. */
interface PageDocument {
  schemaVersion: number
  root: unknown
  blocks: { id: string; type: string; props: unknown }[]
}

describe.skipIf(skip)('the coupon centre block in a browser', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  const dirs: string[] = []

  /** Calls the demo mall's admin API as the signed-in owner; fails on an unexpected status. */
  async function admin<T>(method: string, path: string, expected: number, data?: unknown) {
    const response = await owner.fetch(`${base}/s/demo/api/admin${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
    })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(expected)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-coupons-browser-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await request.newContext({
      extraHTTPHeaders: { origin: base, 'sec-fetch-site': 'same-origin' },
    })
    const login = await owner.post(`${base}/api/platform/auth/login`, {
      data: { email: 'owner@demo.mallkit.dev', password: 'mallkit-owner' },
    })
    expect(login.status(), await login.text()).toBe(200)

    // The owner switches the plugin on, creates a live 满减 coupon and puts the claim centre on
    // the home page.
    await admin('PUT', '/plugins/coupons', 200, { enabled: true })
    await admin('POST', '/p/coupons/templates', 201, {
      name: '新客满减',
      benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 },
      validity: { kind: 'relative', days: 30 },
      totalQuantity: 100,
      status: 'live',
    })
    const pages = await admin<{ items: { id: string; path: string }[] }>('GET', '/pages', 200)
    const home = pages.items.find((page) => page.path === '/')
    if (!home) throw new Error('the demo mall has no home page')
    const { draft } = await admin<{ draft: PageDocument }>('GET', `/pages/${home.id}`, 200)
    const block = { id: 'coupon-centre', type: 'coupons/coupon-centre', props: { title: '领券' } }
    // Near the top (after the header), so a phone sees it without scrolling.
    draft.blocks.splice(1, 0, block)
    await admin('PUT', `/pages/${home.id}/draft`, 204, { document: draft })
    await admin('POST', `/pages/${home.id}/publish`, 200, { note: 'coupon centre' })
  }, 180_000)

  afterAll(async () => {
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('lets the demo customer claim the coupon with one tap on a phone', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
    dirs.push(profile)
    const browser = await launchChromium(profile, { locale: 'zh-CN', ...PHONE })
    try {
      const page = await browser.newPage()
      const problems = collectProblems(page, /Failed to load resource/)
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
          problems.push(`${r.status()}: ${r.url()}`)
      })
      // Signed in through the store API: the browser context keeps the session cookie.
      const login = await browser.request.post(`${base}/s/demo/api/store/auth/login`, {
        data: { identifier: 'customer@demo.mallkit.dev', password: 'mallkit-customer' },
        headers: { origin: base, 'sec-fetch-site': 'same-origin' },
      })
      expect(login.status(), await login.text()).toBe(200)

      await page.goto(`${base}/s/demo/?lang=zh-CN`)
      await hydrated(page)
      const ticket = page.locator('.mk-coupon:not(.mk-coupon--skeleton)').first()
      await ticket.waitFor()
      expect(await ticket.locator('.mk-coupon__benefit').textContent()).toBe('满199减20')
      expect(await ticket.locator('.mk-coupon__remaining').textContent()).toContain('100/100')
      const button = ticket.locator('button.mk-coupon__button')
      await expect.poll(() => button.textContent()).toBe('立即领取')
      await button.click()
      await expect.poll(() => button.textContent()).toBe('已领取')
      expect(await button.isDisabled()).toBe(true)
      expect(await ticket.locator('.mk-coupon__remaining').textContent()).toContain('99/100')
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-centre-phone.png') })

      const mine = await page.evaluate(async () => {
        const response = await fetch('/s/demo/api/store/p/coupons/mine')
        return (await response.json()) as {
          usable: { id: string; name: string; state: string; benefit: { kind: string } }[]
        }
      })
      expect(mine.usable).toHaveLength(1)
      expect(mine.usable[0]).toMatchObject({
        name: '新客满减',
        state: 'usable',
        benefit: { kind: 'amount_off_threshold' },
      })

      // After a reload the ticket still says claimed (the customer holds the most allowed).
      await page.reload()
      await hydrated(page)
      await expect
        .poll(() => page.locator('.mk-coupon button.mk-coupon__button').first().textContent())
        .toBe('已领取')

      // A product above the threshold now shows the price after the coupon, and why.
      const pricey = await page.evaluate(async () => {
        const list = await (
          await fetch('/s/demo/api/store/products?sort=price_desc&limit=5')
        ).json()
        return (list.items as { id: string; priceMin: number }[]).find((p) => p.priceMin >= 19900)
      })
      if (!pricey) throw new Error('the demo mall has no product above ¥199')
      await page.goto(`${base}/s/demo/products/${pricey.id}`)
      await hydrated(page)
      const rows = page.locator('.mk-spec')
      for (let i = 0; i < (await rows.count()); i++)
        await rows.nth(i).locator('.mk-spec__value:not([disabled])').first().click()
      const reasons = page.locator('.mk-product__reasons')
      await reasons.waitFor({ timeout: 10_000 })
      expect(await reasons.textContent()).toContain('-¥20.00')
      expect(await reasons.textContent()).toContain('到手价')

      // Buy now: the checkout preselects the coupon and the summary explains the ¥20 off.
      const couponId = mine.usable[0]!.id
      await page.locator('.mk-actions__buy').click()
      await page.waitForURL(/\/checkout\?sku=/)
      await hydrated(page)
      await page.waitForSelector('input[name="checkout-address"]:checked')
      const checkedCoupon = page.locator('input[name="checkout-coupon"]:checked')
      await checkedCoupon.waitFor({ state: 'attached' })
      expect(await checkedCoupon.inputValue()).toBe(couponId)
      const couponRow = page.locator('.mk-summary__row--discount', { hasText: '优惠券：新客满减' })
      await expect.poll(() => couponRow.count()).toBe(1)
      expect(await couponRow.locator('dd').textContent()).toBe('-¥20.00')

      // "No coupon" drops the adjustment and survives a refresh; then the coupon is chosen again.
      await page.locator('.mk-choice', { hasText: '不使用优惠券' }).click()
      await expect.poll(() => couponRow.count()).toBe(0)
      await page.reload()
      await hydrated(page)
      await page.waitForSelector('.mk-summary')
      await page.waitForSelector('input[name="checkout-coupon"][value=""]:checked', {
        state: 'attached',
      })
      expect(await couponRow.count()).toBe(0)
      await page.locator('.mk-choice', { hasText: '新客满减' }).click()
      await expect.poll(() => couponRow.count()).toBe(1)
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-checkout-phone.png'), fullPage: true })

      // Place the order and pay in the sandbox, as the shopper journey does.
      const placed = page.locator('button[type="submit"]:has-text("提交订单")')
      await expect.poll(() => placed.isEnabled()).toBe(true)
      await placed.click()
      await page.waitForURL(/\/orders\/[0-9a-f-]{36}\/pay/)
      const orderId = /\/orders\/([0-9a-f-]{36})\/pay/.exec(page.url())![1]!
      await hydrated(page)
      const payButton = page.locator('.mk-actionbar button.mk-button')
      await expect.poll(() => payButton.isEnabled(), { timeout: 10_000 }).toBe(true)
      await payButton.click()
      await page.waitForURL(/\/pay\/sandbox\//)
      await page.click('button:has-text("Pay")')
      await page.waitForSelector('[data-status="succeeded"]')
      await page.click('a[data-return]')
      await page.waitForSelector('[data-paid="true"]', { timeout: 20_000 })

      // The coupon is spent on the paid order, whose discount is the coupon's ¥20.
      const after = await page.evaluate(async (id) => {
        const wallet = await (await fetch('/s/demo/api/store/p/coupons/mine')).json()
        const order = await (await fetch(`/s/demo/api/store/orders/${id}`)).json()
        return {
          used: wallet.used as { id: string; state: string; orderId: string | null }[],
          discountTotal: order.discountTotal as number,
        }
      }, orderId)
      expect(after.used).toEqual([
        expect.objectContaining({ id: couponId, state: 'used', orderId }),
      ])
      expect(after.discountTotal).toBe(2000)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 180_000)
})
