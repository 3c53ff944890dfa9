import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  afterPaying,
  buyNow,
  claim,
  couponRow,
  couponTicket,
  customerPhone,
  expectCouponApplied,
  placeAndPay,
  wallet,
  demoOwner,
} from './storefront.ts'

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
    owner = await demoOwner(base)

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
    const { page, problems, close } = await customerPhone(base)
    try {
      const ticket = await couponTicket(page, base, '满199减20')
      expect(await ticket.locator('.mk-coupon__benefit').textContent()).toBe('满199减20')
      expect(await ticket.locator('.mk-coupon__remaining').textContent()).toContain('100/100')
      await claim(ticket)
      expect(await ticket.locator('.mk-coupon__remaining').textContent()).toContain('99/100')
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-centre-phone.png') })

      const mine = await wallet(page)
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

      // A product above the threshold shows the price after the coupon, and why; buy it now:
      // the checkout preselects the coupon and the summary explains the ¥20 off.
      await buyNow(page, base, 19900, async (reasons) => {
        expect(await reasons.textContent()).toContain('-¥20.00')
        expect(await reasons.textContent()).toContain('到手价')
      })
      const couponId = mine.usable[0]!.id
      await expectCouponApplied(page, couponId, '新客满减', '-¥20.00')

      // "No coupon" drops the adjustment and survives a refresh; then the coupon is chosen again.
      const row = couponRow(page, '新客满减')
      await page.locator('.mk-choice', { hasText: '不使用优惠券' }).click()
      await expect.poll(() => row.count()).toBe(0)
      await page.reload()
      await hydrated(page)
      await page.waitForSelector('.mk-summary')
      await page.waitForSelector('input[name="checkout-coupon"][value=""]:checked', {
        state: 'attached',
      })
      expect(await row.count()).toBe(0)
      await page.locator('.mk-choice', { hasText: '新客满减' }).click()
      await expect.poll(() => row.count()).toBe(1)
      await page.screenshot({ path: join(ARTIFACTS, 'coupon-checkout-phone.png'), fullPage: true })

      // Place the order and pay in the sandbox, as the shopper journey does.
      const orderId = await placeAndPay(page)

      // The coupon is spent on the paid order, whose discount is the coupon's ¥20.
      const after = await afterPaying(page, orderId)
      expect(after.used).toEqual([
        expect.objectContaining({ id: couponId, state: 'used', orderId }),
      ])
      expect(after.discountTotal).toBe(2000)
      expect(problems).toEqual([])
    } finally {
      await close()
    }
  }, 180_000)
})
