import type { APIRequestContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { hydrated } from '../../../tenant-ui/test/browser.ts'

export {
  customerPhone,
  placeAndPay,
  type CustomerPhone,
  demoOwner,
} from '../../../tenant-ui/test/shopper.ts'

/** Calls the demo mall's admin API as a signed-in staff context; fails on an unexpected status. */
export function adminApi(owner: APIRequestContext, base: string) {
  return async function admin<T>(
    method: string,
    path: string,
    expected: number,
    data?: unknown,
    headers?: Record<string, string>,
  ) {
    const response = await owner.fetch(`${base}/s/demo/api/admin${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
      ...(headers ? { headers } : {}),
    })
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(expected)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }
}

/** The part of a page document the tests fill in. */
interface PageDocument {
  blocks: { id: string; type: string; props: unknown }[]
}

/** Publishes a page at `path` made of membership blocks (`['check-in', …]`, default props). */
export async function publishMemberPage(
  admin: ReturnType<typeof adminApi>,
  path: string,
  title: { 'zh-CN': string; en: string },
  blocks: readonly string[],
): Promise<void> {
  const page = await admin<{ id: string }>('POST', '/pages', 201, { path, title })
  const { draft } = await admin<{ draft: PageDocument }>('GET', `/pages/${page.id}`, 200)
  draft.blocks = blocks.map((name) => ({ id: name, type: `membership/${name}`, props: {} }))
  await admin('PUT', `/pages/${page.id}/draft`, 204, { document: draft })
  await admin('POST', `/pages/${page.id}/publish`, 200, { note: `${path} page` })
}

/** A customer's standing as `GET /api/store/p/membership/me` answers it. */
export interface MemberStanding {
  tier: { id: string }
  points: number
  balance: number
  periodGrowth: number
}

/** The signed-in customer's standing, read in the page (with its cookies). */
export const standing = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/s/demo/api/store/p/membership/me')
    return (await response.json()) as MemberStanding
  })

/** Calls the store API in the page (same origin, the customer's cookies); returns status and body. */
export const storeCall = (page: Page, method: string, path: string, body?: unknown, key?: string) =>
  page.evaluate(
    async ({ method, path, body, key }) => {
      const response = await fetch(`/s/demo/api/store${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: response.status, body: (await response.json().catch(() => null)) as never }
    },
    { method, path, body, key },
  )

/**
 * Opens the dearest product costing at least `atLeast` (minor units), picks its first options and
 * buys it now: the checkout page, with an address chosen. Returns the product page's price reasons
 * text (empty when the price has none).
 */
export async function buyDearest(
  page: Page,
  base: string,
  atLeast: number,
  /** A price reason to wait for on the product page (`白银会员专享价`). */
  reason?: string,
): Promise<string> {
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
  if (reason) await reasons.filter({ hasText: reason }).waitFor({ timeout: 15_000 })
  const said = (await reasons.count()) > 0 ? ((await reasons.textContent()) ?? '') : ''
  await page.locator('.mk-actions__buy').click()
  await page.waitForURL(/\/checkout\?sku=/)
  await hydrated(page)
  await page.waitForSelector('input[name="checkout-address"]:checked')
  return said
}
