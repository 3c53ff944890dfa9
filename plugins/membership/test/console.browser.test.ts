import { request, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_OWNER,
  startConsoleServer,
  type ConsoleServer,
} from '../../../builder/test/console-browser.ts'
import { skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'

const skip = skipWithoutChromium('membership console browser test')

describe.skipIf(skip)('the membership console in a browser', () => {
  let mallkit: ConsoleServer

  beforeAll(async () => {
    mallkit = await startConsoleServer()
  }, 120_000)

  afterAll(() => mallkit?.stop())

  const shot = (page: Page, name: string) => mallkit.shot(page, `membership-${name}`)

  it('lists members, adjusts a member’s points with a reason, manages packages and shows the liability', async () => {
    const { base } = mallkit
    const { browser, page, problems } = await mallkit.logIn(DEMO_OWNER)
    try {
      await page.getByRole('link', { name: /\/s\/demo/ }).click()
      const nav = page.getByRole('navigation', { name: 'Mall' })
      await nav.waitFor()
      await nav.getByRole('link', { name: 'Plugins' }).click()
      const toggle = page.locator('[data-plugin-id="membership"]').getByRole('switch')
      await toggle.waitFor()
      if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click()
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')

      // The demo customer checks in once on the storefront's API: they become a member.
      const shopper = await request.newContext({
        extraHTTPHeaders: { origin: base, 'sec-fetch-site': 'same-origin' },
      })
      const login = await shopper.post(`${base}/s/demo/api/store/auth/login`, {
        data: { identifier: 'customer@demo.mallkit.dev', password: 'mallkit-customer' },
      })
      expect(login.status()).toBe(200)
      expect((await shopper.post(`${base}/s/demo/api/store/p/membership/check-in`)).status()).toBe(
        201,
      )

      // Members: the list, searched, opens the member.
      await nav.getByRole('link', { name: 'Members', exact: true }).click()
      await page.getByPlaceholder('Search by name, email or phone').fill('customer@demo')
      const row = page.locator('.ck-table tbody tr', { hasText: 'customer@demo.mallkit.dev' })
      await row.waitFor()
      expect(await row.locator('td').nth(4).textContent()).toBe('5')
      await shot(page, 'members')
      await row.getByRole('link').click()
      await page.waitForURL(/\/console\/malls\/demo\/membership\/[0-9a-f-]{36}$/)
      await expect.poll(() => page.getByTestId('detail-points').textContent()).toBe('5')

      // An adjustment without a reason is caught in place; with one it is confirmed, then applied.
      await page.getByRole('textbox', { name: 'Points', exact: true }).fill('100')
      await page.getByRole('button', { name: 'Adjust' }).click()
      await expect
        .poll(() => page.locator('#adjust-reason-error').textContent())
        .toBe('Say why, in at least 2 characters')
      await page.getByRole('textbox', { name: 'Reason' }).fill('Goodwill for a late parcel')
      await page.getByRole('button', { name: 'Adjust' }).click()
      const confirm = page.getByRole('alertdialog')
      await expect.poll(() => confirm.textContent()).toContain('Apply Add 100 Points?')
      await confirm.getByRole('button', { name: 'Adjust' }).click()
      await expect.poll(() => page.getByTestId('detail-points').textContent()).toBe('105')
      await expect
        .poll(() => page.locator('.ck-table tbody tr').first().textContent())
        .toContain('Goodwill for a late parcel')
      await shot(page, 'member-adjusted')
      // The same screen at tablet width.
      await page.setViewportSize({ width: 820, height: 1180 })
      await shot(page, 'member-tablet')
      await page.setViewportSize({ width: 1280, height: 800 })

      // Packages: a new one with a bonus, then taken off sale after confirming.
      await nav.getByRole('link', { name: 'Top-up packages' }).click()
      await expect
        .poll(() => page.locator('.ck-empty').first().textContent())
        .toContain('No packages yet')
      await page.getByRole('button', { name: 'New package' }).click()
      await page.getByLabel('Name', { exact: true }).fill('充500送50')
      await page.getByLabel('Customer pays (¥)').fill('abc')
      await page.getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() => page.locator('#package-amount-error').textContent())
        .toBe('Enter an amount above 0, like 500')
      await page.getByLabel('Customer pays (¥)').fill('500')
      await page.getByLabel('Bonus (¥)').fill('50')
      await page.getByRole('button', { name: 'Save' }).click()
      const pack = page.locator('.ck-table tbody tr', { hasText: '充500送50' })
      await pack.waitFor()
      expect(await pack.textContent()).toContain('On sale')

      // The customer orders that package; staff find the top-up waiting and mark it paid.
      const packages = (await (
        await page.request.get(`${base}/s/demo/api/admin/p/membership/top-up-packages`)
      ).json()) as { items: { id: string; name: string }[] }
      const packageId = packages.items.find((item) => item.name === '充500送50')?.id
      const ordered = await shopper.post(`${base}/s/demo/api/store/p/membership/top-ups`, {
        data: { packageId },
        headers: { 'idempotency-key': 'console-test-top-up' },
      })
      expect(ordered.status()).toBe(201)
      await shopper.dispose()
      await page.reload()
      const waiting = page.locator('section[aria-labelledby="pending-top-ups"] tbody tr')
      await waiting.first().waitFor()
      await waiting.first().getByRole('button', { name: 'Mark paid' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Credited')
      await expect.poll(() => waiting.count()).toBe(0)
      await pack.getByRole('button', { name: 'Take off sale' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await expect.poll(() => pack.textContent()).toContain('Off sale')
      await shot(page, 'packages')

      // The report: members per tier and the points outstanding.
      await nav.getByRole('link', { name: 'Membership report' }).click()
      await page.getByRole('heading', { name: 'Stored value' }).waitFor()
      expect(
        await page.locator('.mk-membership-figure--strong dd').first().textContent(),
      ).toContain('550.00')
      await expect
        .poll(() => page.locator('.mk-membership-figure--strong dd').nth(1).textContent())
        .toBe('105')
      await shot(page, 'report')
      expect(problems).toEqual([])
    } catch (error) {
      await shot(page, 'failure')
      throw error
    } finally {
      await browser.close()
    }
  }, 180_000)
})
