import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_OWNER,
  startConsoleServer,
  type ConsoleServer,
} from '../../../builder/test/console-browser.ts'
import { skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'

const skip = skipWithoutChromium('points mall console browser test')

/**
 * The points mall screen: the owner, with coupons and membership on, sees the empty state, adds a
 * coupon for points (mistakes caught in place, the coupon picked from a select), takes it off
 * offer and deletes it, each after a confirmation.
 */
describe.skipIf(skip)('the points mall console in a browser', () => {
  let mallkit: ConsoleServer

  beforeAll(async () => {
    mallkit = await startConsoleServer()
  }, 120_000)

  afterAll(() => mallkit?.stop())

  const shot = (page: Page, name: string) => mallkit.shot(page, `membership-points-mall-${name}`)

  it('adds an item with a coupon from the select, takes it off offer and deletes it', async () => {
    const { base } = mallkit
    const { browser, page, problems } = await mallkit.logIn(DEMO_OWNER)
    try {
      const admin = (method: string, path: string, data?: unknown) =>
        page.request.fetch(`${base}/s/demo/api/admin${path}`, {
          method,
          headers: { origin: base, 'sec-fetch-site': 'same-origin' },
          ...(data === undefined ? {} : { data }),
        })
      for (const id of ['coupons', 'membership'])
        expect((await admin('PUT', `/plugins/${id}`, { enabled: true })).status()).toBe(200)
      const coupon = await admin('POST', '/p/coupons/templates', {
        name: 'Tea ¥5 off',
        benefit: { kind: 'amount_off', amount: 500 },
        validity: { kind: 'relative', days: 30 },
        status: 'live',
      })
      expect(coupon.status()).toBe(201)

      await page.goto(`${base}/console/malls/demo/membership-points-mall`)
      await expect
        .poll(() => page.locator('.ck-empty').first().textContent())
        .toContain('No items yet')
      await shot(page, 'empty')

      await page.getByRole('button', { name: 'New item' }).click()
      await page.getByLabel('Name', { exact: true }).fill('Tea voucher')
      await page.getByLabel('Points', { exact: true }).fill('0')
      await page.getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() => page.locator('#mall-item-points-error').textContent())
        .toBe('Enter a whole number of points above 0')
      expect(await page.locator('#mall-item-coupon-error').textContent()).toBe('Choose a coupon')
      await page.getByLabel('Points', { exact: true }).fill('200')
      await page.getByLabel('Coupon', { exact: true }).selectOption({ label: 'Tea ¥5 off' })
      await page.getByLabel('Stock', { exact: true }).fill('50')
      await page.getByRole('button', { name: 'Save' }).click()
      const row = page.locator('.ck-table tbody tr', { hasText: 'Tea voucher' })
      await row.waitFor()
      await expect.poll(() => row.textContent()).toContain('Tea ¥5 off')
      expect(await row.textContent()).toContain('On offer')
      await shot(page, 'list')

      await row.getByRole('button', { name: 'Take off offer' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await expect.poll(() => row.textContent()).toContain('Off offer')
      await row.getByRole('button', { name: 'Delete' }).click()
      const confirm = page.getByRole('alertdialog')
      await expect.poll(() => confirm.textContent()).toContain('Delete “Tea voucher”')
      await confirm.getByRole('button', { name: 'Confirm' }).click()
      await expect.poll(() => row.count()).toBe(0)
      expect(problems).toEqual([])
    } catch (error) {
      await shot(page, 'failure')
      throw error
    } finally {
      await browser.close()
    }
  }, 180_000)
})
