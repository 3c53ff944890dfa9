import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { hydrated } from '../../../tenant-ui/test/browser.ts'

export {
  customerPhone,
  DEMO_CUSTOMER,
  demoOwner,
  placeAndPay,
  type CustomerPhone,
} from '../../../tenant-ui/test/shopper.ts'

/** A coupon in the customer's wallet (`GET /mine`). */
export interface HeldCoupon {
  id: string
  name: string
  state: string
  orderId: string | null
  benefit: { kind: string }
}

/** The customer's coupons by state. */
export const wallet = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/s/demo/api/store/p/coupons/mine')
    return (await response.json()) as { usable: HeldCoupon[]; used: HeldCoupon[] }
  })

/**
 * On the home page, the coupon centre's ticket saying `benefit` (`满199减20`), once loaded; its
 * claim button reads `立即领取` until claimed.
 */
export async function couponTicket(page: Page, base: string, benefit: string): Promise<Locator> {
  await page.goto(`${base}/s/demo/?lang=zh-CN`)
  await hydrated(page)
  const ticket = page
    .locator('.mk-coupon:not(.mk-coupon--skeleton)')
    .filter({ has: page.locator('.mk-coupon__benefit', { hasText: benefit }) })
    .first()
  await ticket.waitFor()
  return ticket
}

/** Claims the coupon on `ticket` with one tap; the button then says claimed. */
export async function claim(ticket: Locator): Promise<void> {
  const button = ticket.locator('button.mk-coupon__button')
  await expect.poll(() => button.textContent()).toBe('立即领取')
  await button.click()
  await expect.poll(() => button.textContent()).toBe('已领取')
  expect(await button.isDisabled()).toBe(true)
}

/**
 * Opens the dearest product costing at least `atLeast` (minor units), picks its first options and
 * buys it now: the checkout page, with an address chosen and the coupon chooser loaded.
 */
export async function buyNow(
  page: Page,
  base: string,
  atLeast: number,
  /** Checks on the product page: its price reasons (the price after the coupon, and why). */
  checkReasons?: (reasons: Locator) => Promise<void>,
): Promise<void> {
  const pricey = await page.evaluate(async (min) => {
    const list = await (await fetch('/s/demo/api/store/products?sort=price_desc&limit=5')).json()
    return (list.items as { id: string; priceMin: number }[]).find((p) => p.priceMin >= min)
  }, atLeast)
  if (!pricey) throw new Error(`the demo mall has no product of at least ${atLeast}`)
  await page.goto(`${base}/s/demo/products/${pricey.id}`)
  await hydrated(page)
  const rows = page.locator('.mk-spec')
  for (let i = 0; i < (await rows.count()); i++)
    await rows.nth(i).locator('.mk-spec__value:not([disabled])').first().click()
  const reasons = page.locator('.mk-product__reasons')
  await reasons.waitFor({ timeout: 10_000 })
  await checkReasons?.(reasons)
  await page.locator('.mk-actions__buy').click()
  await page.waitForURL(/\/checkout\?sku=/)
  await hydrated(page)
  await page.waitForSelector('input[name="checkout-address"]:checked')
}

/** The checkout summary's row explaining the coupon `name`'s discount. */
export const couponRow = (page: Page, name: string) =>
  page.locator('.mk-summary__row--discount', { hasText: `优惠券：${name}` })

/** Checks that the checkout preselected `couponId` and explains its discount as `amount`. */
export async function expectCouponApplied(
  page: Page,
  couponId: string,
  name: string,
  amount: string,
): Promise<void> {
  const checked = page.locator('input[name="checkout-coupon"]:checked')
  await checked.waitFor({ state: 'attached' })
  expect(await checked.inputValue()).toBe(couponId)
  const row = couponRow(page, name)
  await expect.poll(() => row.count()).toBe(1)
  expect(await row.locator('dd').textContent()).toBe(amount)
}

/** The paid order's discount total and the customer's used coupons, after paying. */
export const afterPaying = (page: Page, orderId: string) =>
  page.evaluate(async (id) => {
    const held = await (await fetch('/s/demo/api/store/p/coupons/mine')).json()
    const order = await (await fetch(`/s/demo/api/store/orders/${id}`)).json()
    return {
      used: held.used as HeldCoupon[],
      discountTotal: order.discountTotal as number,
    }
  }, orderId)
