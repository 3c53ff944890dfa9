import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_OWNER,
  startConsoleServer,
  type ConsoleServer,
} from '../../../builder/test/console-browser.ts'
import { skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  afterPaying,
  buyNow,
  claim,
  couponTicket,
  customerPhone,
  expectCouponApplied,
  placeAndPay,
  wallet,
} from './storefront.ts'

const skip = skipWithoutChromium('coupons console browser test')

/** The coupon the owner creates; the checkout explains its discount by this name. */
const NAME = '控制台满减 Console 满199减20'

describe.skipIf(skip)('the coupons console in a browser', () => {
  let mallkit: ConsoleServer

  beforeAll(async () => {
    mallkit = await startConsoleServer()
  }, 120_000)

  afterAll(() => mallkit?.stop())

  const shot = (page: Page, name: string) => mallkit.shot(page, `coupons-${name}`)
  const figure = (page: Page, name: string) =>
    page.locator(`[data-figure="${name}"] dd`).textContent()

  it('creates a 满减 coupon, puts it live and on the home page; a customer pays with it; the report counts the use', async () => {
    const { base } = mallkit
    const { browser, page, problems } = await mallkit.logIn(
      DEMO_OWNER,
      // The deliberately refused amount (not below the threshold).
      (r) => r.status() === 422 && r.url().endsWith('/p/coupons/templates'),
    )
    try {
      await page.getByRole('link', { name: /\/s\/demo/ }).click()
      const nav = page.getByRole('navigation', { name: 'Mall' })
      await nav.waitFor()

      // The coupons plugin is turned on when it is off; its section then joins the tabs.
      await nav.getByRole('link', { name: 'Plugins' }).click()
      const toggle = page.locator('[data-plugin-id="coupons"]').getByRole('switch')
      await toggle.waitFor()
      if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click()
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
      const couponsTab = nav.getByRole('link', { name: 'Coupons' })
      await couponsTab.click()

      // No coupons yet: the empty list says what to do.
      await expect.poll(() => page.locator('.ck-empty').textContent()).toContain('No coupons yet')
      await shot(page, 'empty')
      await page.getByRole('link', { name: 'New coupon' }).click()

      // A missing threshold is caught in place before anything is sent.
      await page.getByLabel('Name', { exact: true }).fill(NAME)
      expect(await page.getByLabel('Kind').inputValue()).toBe('amount_off_threshold')
      await page.getByLabel('Amount off (¥)').fill('20')
      await page.getByLabel('Total quantity').fill('100')
      const create = page.getByRole('button', { name: 'Create coupon' })
      await create.click()
      const threshold = page.getByLabel('Spend at least (¥)')
      await expect
        .poll(() => page.locator('#coupon-threshold-error').textContent())
        .toBe('Required')
      expect(await threshold.getAttribute('aria-invalid')).toBe('true')
      // The first field to fix has the focus.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('coupon-threshold')
      await shot(page, 'form-missing-threshold')

      // An amount that is not one is caught in place too.
      await threshold.fill('199')
      await page.getByLabel('Amount off (¥)').fill('2O')
      await create.click()
      await expect
        .poll(() => page.locator('#coupon-amount-error').textContent())
        .toBe('Enter an amount like 20 or 19.90')
      expect(await page.locator('#coupon-threshold-error').count()).toBe(0)

      // An amount not below the threshold is the server's rule: its message lands on the amount.
      await page.getByLabel('Amount off (¥)').fill('250')
      await create.click()
      await expect
        .poll(() => page.locator('#coupon-amount-error').textContent())
        .toContain('must be less than the threshold')
      await shot(page, 'form-refused')
      // The same form at tablet width.
      await page.setViewportSize({ width: 820, height: 1180 })
      await shot(page, 'form-tablet')
      await page.setViewportSize({ width: 1280, height: 800 })

      // ¥20 off from ¥199: saved as a draft, then put live.
      await page.getByLabel('Amount off (¥)').fill('20')
      await create.click()
      await page.waitForURL(/\/console\/malls\/demo\/coupons\/[0-9a-f-]{36}$/)
      const couponPath = new URL(page.url()).pathname
      const templateId = couponPath.split('/').at(-1)!
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('draft')
      expect(await page.getByTestId('coupon-benefit').textContent()).toContain('off from')
      expect(await page.locator('.mk-coupons-status').getAttribute('data-status')).toBe('draft')
      await page.getByRole('button', { name: 'Go live' }).click()
      await expect
        .poll(() => page.locator('.mk-coupons-status').getAttribute('data-status'))
        .toBe('live')
      expect(await page.getByRole('status').textContent()).toContain('is live')
      await expect.poll(() => figure(page, 'claimed')).toBe('0 of 100')
      await shot(page, 'live')

      // Editing sends what changed: more coupons in all.
      await page.getByRole('button', { name: 'Edit' }).click()
      expect(await page.getByLabel('Spend at least (¥)').inputValue()).toBe('199.00')
      await page.getByLabel('Total quantity').fill('200')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.')
      await expect.poll(() => figure(page, 'claimed')).toBe('0 of 200')
      await page.getByRole('button', { name: 'Edit' }).click()
      await page.getByLabel('Total quantity').fill('100')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect.poll(() => figure(page, 'claimed')).toBe('0 of 100')

      // The list: searchable, filtered by status, with claimed of total and the status.
      await page.getByRole('link', { name: 'All coupons' }).click()
      const row = page.locator('.ck-table tbody tr', { hasText: NAME })
      await row.waitFor()
      expect(await row.textContent()).toContain('0 / 100')
      expect(await row.locator('.mk-coupons-status').textContent()).toBe('Live')
      await page.getByLabel('Status').selectOption('draft')
      await expect
        .poll(() => page.locator('.ck-empty').textContent())
        .toContain('No coupon matches')
      await page.getByLabel('Status').selectOption('live')
      await row.waitFor()
      await page.getByPlaceholder('Search by name or code').fill('控制台')
      await expect.poll(() => page.locator('.ck-table tbody tr').count()).toBe(1)
      await shot(page, 'list')

      // The page editor: the coupon centre goes onto the home page, which is published.
      await nav.getByRole('link', { name: 'Pages' }).click()
      await page
        .getByRole('link')
        .filter({ has: page.locator('code', { hasText: /^\/$/ }) })
        .click()
      const block = page.locator('.ck-palette__item[data-block-type="coupons/coupon-centre"]')
      await block.waitFor()
      const blocks = page.locator('.ck-block')
      const before = await blocks.count()
      await block.dragTo(page.getByTestId('canvas-end'))
      await expect.poll(() => blocks.count()).toBe(before + 1)
      expect(await blocks.nth(before).getAttribute('data-block-type')).toBe('coupons/coupon-centre')
      await page.getByRole('button', { name: 'Publish' }).click()
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toMatch(/Published as version \d+/)
      await shot(page, 'editor')

      // The customer claims it in the coupon centre, sees it at checkout and pays.
      const customer = await customerPhone(base)
      try {
        const ticket = await couponTicket(customer.page, base, '满199减20')
        await claim(ticket)
        const held = (await wallet(customer.page)).usable.find((c) => c.name === NAME)
        expect(held).toBeDefined()
        await buyNow(customer.page, base, 19900)
        await expectCouponApplied(customer.page, held!.id, NAME, '-¥20.00')
        await mallkit.shot(customer.page, 'coupons-checkout')
        const orderId = await placeAndPay(customer.page)
        const paid = await afterPaying(customer.page, orderId)
        expect(paid.discountTotal).toBe(2000)
        expect(paid.used).toEqual([
          expect.objectContaining({ id: held!.id, state: 'used', orderId }),
        ])
        expect(customer.problems).toEqual([])
      } finally {
        await customer.close()
      }

      // The coupon's report counts the use.
      await page.goto(`${base}${couponPath}`)
      await expect.poll(() => figure(page, 'claimed')).toBe('1 of 100')
      expect(await figure(page, 'used')).toBe('1')
      expect(await figure(page, 'redemption-rate')).toBe('100%')
      expect(await figure(page, 'discount')).toMatch(/¥20\.00$/)
      expect(await figure(page, 'order-value')).toMatch(/¥\d/)
      await shot(page, 'report')

      // Issuing to the customer who already holds one is refused with the reason.
      await page.getByLabel('Find customers').fill('customer@demo')
      await page.getByRole('button', { name: /^Add / }).first().click()
      await page.getByRole('button', { name: 'Issue to 1' }).click()
      await expect
        .poll(() => page.locator('.mk-coupons-issue [role="status"]').textContent())
        .toContain('Not issued:')
      await page.locator('.mk-coupons-issue [role="status"]').scrollIntoViewIfNeeded()
      await shot(page, 'issue')

      // The same screen in Chinese.
      await page.getByLabel('Language').selectOption('zh-CN')
      await expect.poll(() => page.locator('[data-figure="used"] dt').textContent()).toBe('已使用')
      await shot(page, 'report-zh')
      await page.getByLabel('语言').selectOption('en')

      // Ending asks first; the coupon is then ended for good.
      await page.getByRole('button', { name: 'End', exact: true }).click()
      const confirm = page.getByRole('alertdialog')
      expect(await confirm.textContent()).toContain('for good')
      await confirm.getByRole('button', { name: 'End', exact: true }).click()
      await expect
        .poll(() => page.locator('.mk-coupons-status').getAttribute('data-status'))
        .toBe('ended')
      expect(templateId).toMatch(/^[0-9a-f-]{36}$/)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 300_000)
})
