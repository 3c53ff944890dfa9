import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../core/test/start-mallkit.ts'
import {
  ARTIFACTS,
  collectProblems,
  hydrated,
  launchChromium,
  PHONE,
  skipWithoutChromium,
} from './browser.ts'

const skip = skipWithoutChromium('checkout browser test')

const DESKTOP = { viewport: { width: 1280, height: 900 } }
const ZH = {
  checkout: '去结算',
  place: '提交订单',
  paid: '支付成功',
  viewOrder: '查看订单',
  status: '待发货',
  paidEvent: '已付款',
}
const EN = {
  checkout: 'Check out',
  place: 'Place order',
  paid: 'Payment received',
  viewOrder: 'View order',
  status: 'To ship',
  paidEvent: 'Paid',
}

/** The whole journey at a phone and a desktop viewport, each in Chinese and in English. */
const DEVICES = [
  { name: 'phone-zh', locale: 'zh-CN', options: PHONE, text: ZH },
  { name: 'phone-en', locale: 'en', options: PHONE, text: EN },
  { name: 'desktop-zh', locale: 'zh-CN', options: DESKTOP, text: ZH },
  { name: 'desktop-en', locale: 'en', options: DESKTOP, text: EN },
] as const

describe.skipIf(skip)('the shopper journey in a browser, home to paid order', () => {
  let server: RunningMallkit
  let base: string
  const dirs: string[] = []

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-journey-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  for (const device of DEVICES)
    it(`goes from home to a paid sandbox order and tracks it (${device.name})`, async () => {
      const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
      dirs.push(profile)
      const browser: BrowserContext = await launchChromium(profile, {
        locale: device.locale,
        ...device.options,
      })
      try {
        // The language switcher's cookie, so pages reached by links keep the locale.
        await browser.addCookies([{ name: 'mk_lang', value: device.locale, url: base }])
        const page = await browser.newPage()
        // A 4xx/5xx is logged as "Failed to load resource"; the responses below report it.
        const problems = collectProblems(page, /Failed to load resource/)
        // Chromium asks every host for a favicon; the sandbox gateway's page has none.
        page.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
            problems.push(`${r.status()}: ${r.url()}`)
        })
        const mall = `${base}/s/demo`
        const shot = (name: string) =>
          page.screenshot({
            path: join(ARTIFACTS, `journey-${device.name}-${name}.png`),
            fullPage: true,
          })
        const open = async (path: string) => {
          await page.goto(`${mall}${path}${path.includes('?') ? '&' : '?'}lang=${device.locale}`)
          await hydrated(page)
        }

        // A new customer registers and comes back to the home page.
        await open('/register?next=/')
        await page.fill('#register-identifier', `shopper-${device.name}-${Date.now()}@example.test`)
        await page.fill('#register-name', device.locale === 'en' ? 'Ann' : '小安')
        await page.fill('#register-password', 'journey-password-1')
        await page.click('form button[type="submit"]')
        await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/s/demo')
        await hydrated(page)
        await shot('home')

        // Home → a product of the new arrivals grid → every spec picked → into the cart.
        await page.locator('.mk-grid__card').first().click()
        await page.waitForURL(/\/s\/demo\/products\/[0-9a-f-]{36}$/)
        await hydrated(page)
        const rows = page.locator('.mk-spec')
        for (let i = 0; i < (await rows.count()); i++) {
          const value = rows.nth(i).locator('.mk-spec__value:not([disabled])').first()
          await value.click()
          await expect.poll(() => value.getAttribute('aria-pressed')).toBe('true')
        }
        await shot('product')
        await page.locator('.mk-actions__add').click()
        await expect
          .poll(() => page.locator('.mk-actions__cart .mk-cart-link__badge').textContent())
          .toBe('1')

        await open('/cart')
        await page.waitForSelector('.mk-line')
        expect(await page.locator('.mk-line').count()).toBe(1)
        const firstLine = page.locator('.mk-line').first()
        await firstLine.locator('.mk-stepper button').nth(1).click()
        await expect.poll(() => firstLine.locator('output').textContent()).toBe('2')
        await page.reload()
        await hydrated(page)
        await expect
          .poll(() => page.locator('.mk-line').first().locator('output').textContent())
          .toBe('2')
        await shot('cart')

        // Checkout with the new customer's first address, typed inline; a refresh loses nothing.
        await page.click(`a.mk-button:has-text("${device.text.checkout}")`)
        await page.waitForURL((url) => url.pathname.endsWith('/checkout'))
        await hydrated(page)
        await page.waitForSelector('#checkout-address-recipient')
        await page.fill('#checkout-address-recipient', '张三')
        await page.fill('#checkout-address-phone', '13800138000')
        await page.fill('#checkout-address-province', '浙江省')
        await page.fill('#checkout-address-city', '杭州市')
        await page.fill('#checkout-address-district', '西湖区')
        await page.fill('#checkout-address-line1', '文三路 1 号')
        await page.fill('#checkout-note', 'ring twice')
        await page.reload()
        await hydrated(page)
        await page.waitForSelector('#checkout-address-line1')
        expect(await page.inputValue('#checkout-address-recipient')).toBe('张三')
        expect(await page.inputValue('#checkout-address-line1')).toBe('文三路 1 号')
        expect(await page.inputValue('#checkout-note')).toBe('ring twice')
        await page.click('.mk-form button[type="submit"]')
        await page.waitForSelector('input[name="checkout-address"]:checked')
        await page.waitForSelector('.mk-summary')
        await shot('checkout')
        const placed = page.locator(`button[type="submit"]:has-text("${device.text.place}")`)
        await expect.poll(() => placed.isEnabled()).toBe(true)
        await placed.dblclick()

        // Pay in the sandbox's hosted page, then come back to the mall.
        await page.waitForURL(/\/orders\/[0-9a-f-]{36}\/pay/)
        await hydrated(page)
        const payButton = page.locator('.mk-actionbar button.mk-button')
        await expect.poll(() => payButton.isEnabled(), { timeout: 10_000 }).toBe(true)
        await shot('pay')
        await payButton.click()
        await page.waitForURL(/\/pay\/sandbox\//)
        await page.click('button:has-text("Pay")')
        await page.waitForSelector('[data-status="succeeded"]')
        await page.click('a[data-return]')
        await page.waitForSelector(`[data-paid="true"]:has-text("${device.text.paid}")`, {
          timeout: 20_000,
        })
        await page.click(`a.mk-button:has-text("${device.text.viewOrder}")`)
        await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/)
        await page.waitForSelector('.mk-timeline li')
        expect(await page.textContent('.mk-status-hero strong')).toBe(device.text.status)
        expect(await page.locator('.mk-timeline li').count()).toBe(2)
        expect(await page.textContent('.mk-timeline')).toContain(device.text.paidEvent)
        await shot('order')

        // Exactly one order, however the button was tapped.
        const orders = await page.evaluate(
          async () => (await (await fetch('/s/demo/api/store/orders')).json()).items.length,
        )
        expect(orders).toBe(1)
        expect(problems).toEqual([])
      } finally {
        await browser.close()
      }
    }, 120_000)
})
