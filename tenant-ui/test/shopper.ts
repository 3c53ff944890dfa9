import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO } from '../../core/src/demo/seed.ts'
import { collectProblems, hydrated, launchChromium, PHONE } from './browser.ts'

// The demo customer's side of browser journeys that plugins share: a signed-in phone, placing an
// order on the checkout page and paying it in the sandbox.

/** The demo customer's login. */
export const DEMO_CUSTOMER = { identifier: DEMO.customer.email, password: DEMO.customer.password }

/**
 * An API context signed in as the demo mall's owner on the platform host at `base`, sending the
 * same-origin headers the console sends: how plugin journeys set their mall up.
 */
export async function demoOwner(base: string): Promise<APIRequestContext> {
  const owner = await request.newContext({
    extraHTTPHeaders: { origin: base, 'sec-fetch-site': 'same-origin' },
  })
  const login = await owner.post(`${base}/api/platform/auth/login`, {
    data: { email: DEMO.owner.email, password: DEMO.owner.password },
  })
  expect(login.status(), await login.text()).toBe(200)
  return owner
}

/** A phone Chromium in Chinese, signed in as the demo customer of the demo mall. */
export interface CustomerPhone {
  browser: BrowserContext
  page: Page
  /** Console errors, page errors and error responses seen so far. */
  problems: string[]
  close(): Promise<void>
}

/** Opens a phone browser and signs the demo customer in through the store API (unless a guest). */
export async function customerPhone(
  base: string,
  options: { guest?: boolean } = {},
): Promise<CustomerPhone> {
  const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
  const browser = await launchChromium(profile, { locale: 'zh-CN', ...PHONE })
  const page = await browser.newPage()
  const problems = collectProblems(page, /Failed to load resource/)
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      problems.push(`${r.status()}: ${r.url()}`)
  })
  if (!options.guest) {
    // The browser context keeps the session cookie.
    const login = await browser.request.post(`${base}/s/demo/api/store/auth/login`, {
      data: DEMO_CUSTOMER,
      headers: { origin: base, 'sec-fetch-site': 'same-origin' },
    })
    expect(login.status(), await login.text()).toBe(200)
  }
  return {
    browser,
    page,
    problems,
    close: async () => {
      await browser.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Places the order on the checkout page and pays it in the sandbox; returns the order id. */
export async function placeAndPay(page: Page): Promise<string> {
  const placed = page.locator('button[type="submit"]:has-text("提交订单")')
  await expect.poll(() => placed.isEnabled()).toBe(true)
  await placed.click()
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\/pay/)
  const orderId = /\/orders\/([0-9a-f-]{36})\/pay/.exec(page.url())?.[1]
  if (!orderId) throw new Error(`no order id in ${page.url()}`)
  await hydrated(page)
  const payButton = page.locator('.mk-actionbar button.mk-button')
  await expect.poll(() => payButton.isEnabled(), { timeout: 10_000 }).toBe(true)
  await payButton.click()
  await page.waitForURL(/\/pay\/sandbox\//)
  await page.click('button:has-text("Pay")')
  await page.waitForSelector('[data-status="succeeded"]')
  await page.click('a[data-return]')
  await page.waitForSelector('[data-paid="true"]', { timeout: 20_000 })
  return orderId
}
