import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import { customerPhone, wallet, demoOwner } from './storefront.ts'

const skip = skipWithoutChromium('new-customer gift browser test')

/** A page document as the admin pages API returns its draft. */
interface PageDocument {
  blocks: { id: string; type: string; props: unknown }[]
}

const GIFT = '新人立减10元'

describe.skipIf(skip)('the new-customer gift popup in a browser', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  const dirs: string[] = []

  async function admin<T>(method: string, path: string, expected: number, data?: unknown) {
    const response = await owner.fetch(`${base}/s/demo/api/admin${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
    })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(expected)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-coupons-gift-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await demoOwner(base)

    // A live gift for new customers, offered by the popup on the home page.
    await admin('PUT', '/plugins/coupons', 200, { enabled: true })
    const gift = await admin<{ id: string }>('POST', '/p/coupons/templates', 201, {
      name: GIFT,
      benefit: { kind: 'amount_off', amount: 1000 },
      validity: { kind: 'relative', days: 7 },
      audience: { kind: 'new_customers' },
      status: 'live',
    })
    const pages = await admin<{ items: { id: string; path: string }[] }>('GET', '/pages', 200)
    const home = pages.items.find((page) => page.path === '/')
    if (!home) throw new Error('the demo mall has no home page')
    const { draft } = await admin<{ draft: PageDocument }>('GET', `/pages/${home.id}`, 200)
    draft.blocks.push({
      id: 'gift',
      type: 'coupons/new-customer-gift',
      props: { templateIds: [gift.id], remindAfterDays: 7 },
    })
    await admin('PUT', `/pages/${home.id}/draft`, 204, { document: draft })
    await admin('POST', `/pages/${home.id}/publish`, 200, { note: 'gift popup' })
  }, 180_000)

  afterAll(async () => {
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  const home = async (page: Page) => {
    await page.goto(`${base}/s/demo/?lang=zh-CN`)
    await hydrated(page)
  }
  /** What the browser remembers of the demo mall's popup. */
  const memory = (page: Page) =>
    page.evaluate(() => JSON.parse(localStorage.getItem('mk-coupons-gift:demo') ?? '{}'))
  const focusInDialog = (page: Page) =>
    page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))

  it('offers a guest the gift with a login link, keeps focus inside, and remembers a dismissal', async () => {
    const guest = await customerPhone(base, { guest: true })
    const { page } = guest
    try {
      await home(page)
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      expect(await dialog.getAttribute('aria-modal')).toBe('true')
      expect(await dialog.textContent()).toContain('无门槛减10')
      expect(await dialog.textContent()).toContain(GIFT)
      const login = dialog.getByRole('link', { name: '登录领取' })
      expect(await login.getAttribute('href')).toMatch(/\/login\?next=/)
      // The dialog has the focus, and Tab keeps it inside.
      await expect.poll(() => focusInDialog(page)).toBe(true)
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab')
        expect(await focusInDialog(page)).toBe(true)
      }
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-gift-guest.png') })

      // Escape dismisses it; the dismissal is remembered on the next visit.
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await memory(page)).toMatchObject({ dismissedAt: expect.any(Number) })
      await home(page)
      expect(await page.getByRole('dialog').count()).toBe(0)
      expect(guest.problems).toEqual([])
    } finally {
      await guest.close()
    }
  }, 120_000)

  it('lets a customer without a paid order claim the gift, and never shows it again', async () => {
    const shopper = await customerPhone(base)
    const { page } = shopper
    try {
      await home(page)
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      const button = dialog.getByRole('button', { name: '立即领取' })
      await button.click()
      await expect.poll(() => dialog.getByRole('button', { name: '已领取' }).count()).toBe(1)
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-gift-claimed.png') })
      const held = await wallet(page)
      expect(held.usable.map((c) => c.name)).toContain(GIFT)

      // Closed with ×: claimed, so it stays away on the next visit.
      await dialog.getByRole('button', { name: /关闭|Close/ }).click()
      await expect.poll(() => dialog.count()).toBe(0)
      expect(await memory(page)).toMatchObject({ claimed: true })
      await home(page)
      expect(await page.getByRole('dialog').count()).toBe(0)
      expect(shopper.problems).toEqual([])
    } finally {
      await shopper.close()
    }
  }, 120_000)
})
