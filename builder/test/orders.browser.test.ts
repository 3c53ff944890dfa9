import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipWithoutChromium } from '../../tenant-ui/test/browser.ts'
import { DEMO_OWNER, startConsoleServer, type ConsoleServer } from './console-browser.ts'

const skip = skipWithoutChromium('console orders browser test')
const CUSTOMER = { identifier: 'customer@demo.mallkit.dev', password: 'mallkit-customer' }

/** The demo customer on the storefront API: a cookie-keeping client, as a script would be. */
class Shopper {
  readonly cookies = new Map<string, string>()
  constructor(readonly base: string) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.base), {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(typeof body === 'object' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1))
    }
    return response
  }

  async json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const response = await this.send(method, path, body, headers)
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
}

/** Places an order of one in-stock SKU to the default address; pays it in the sandbox if asked. */
async function placeOrder(shopper: Shopper, key: string, pay: boolean) {
  const store = '/s/demo/api/store'
  const list = await shopper.json<{ items: { id: string }[] }>('GET', `${store}/products?limit=12`)
  let skuId: string | undefined
  for (const product of list.items) {
    const detail = await shopper.json<{ skus: { id: string; stock: number }[] }>(
      'GET',
      `${store}/products/${product.id}`,
    )
    skuId = detail.skus.find((s) => s.stock > 2)?.id
    if (skuId) break
  }
  const addresses = await shopper.json<{ items: { id: string; isDefault: boolean }[] }>(
    'GET',
    `${store}/addresses`,
  )
  const order = await shopper.json<{ id: string; number: string; total: number }>(
    'POST',
    `${store}/checkout`,
    {
      items: [{ skuId, quantity: 1 }],
      delivery: { method: 'delivery', addressId: addresses.items.find((a) => a.isDefault)?.id },
    },
    { 'idempotency-key': key },
  )
  if (pay) {
    const { next } = await shopper.json<{ next: { url: string } }>(
      'POST',
      `${store}/orders/${order.id}/payments`,
      { provider: 'sandbox' },
    )
    const paid = await shopper.send('POST', `${next.url}/complete`, 'outcome=pay', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(paid.status).toBe(303)
  }
  return order
}

describe.skipIf(skip)('the order desk in a browser', () => {
  let mallkit: ConsoleServer
  let shopper: Shopper

  beforeAll(async () => {
    mallkit = await startConsoleServer()
    shopper = new Shopper(mallkit.base)
    const login = await shopper.send('POST', '/s/demo/api/store/auth/login', CUSTOMER)
    expect(login.status).toBe(200)
  }, 120_000)

  afterAll(() => mallkit?.stop())

  /** The owner's browser on the demo mall's order list. */
  const openOrders = async () => {
    const opened = await mallkit.logIn(DEMO_OWNER)
    const { page } = opened
    await page.getByRole('link', { name: /\/s\/demo/ }).click()
    await page
      .getByRole('navigation', { name: 'Mall' })
      .getByRole('link', { name: 'Orders' })
      .click()
    await page.getByRole('searchbox').waitFor()
    return opened
  }

  const mallNavLink = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Mall' }).getByRole('link', { name, exact: true })

  /** Finds the order by its number in the list and opens it. */
  const openOrder = async (page: Page, number: string) => {
    await page.getByRole('searchbox').fill(number)
    await page.getByRole('link', { name: number }).click()
    await page.getByRole('heading', { name: `Order ${number}` }).waitFor()
  }

  it('finds a paid order, refuses a parcel without a tracking number, then ships it', async () => {
    const order = await placeOrder(shopper, 'console-orders-ship', true)
    const { browser, page, problems } = await openOrders()
    try {
      await page.getByRole('radio', { name: 'To ship' }).click()
      await expect.poll(() => page.getByRole('link', { name: order.number }).count()).toBe(1)
      await mallkit.shot(page, 'orders-list')
      await openOrder(page, order.number)
      await expect
        .poll(() => page.locator('.ops-detail__head [data-status]').textContent())
        .toBe('To ship')

      const ship = page.getByRole('form', { name: 'Ship the order' })
      await ship.getByLabel('Carrier').fill('顺丰速运')
      await ship.getByRole('button', { name: 'Ship' }).click()
      await expect
        .poll(() => ship.getByRole('alert').first().textContent())
        .toBe('Enter the tracking number.')
      expect(await ship.getByLabel('Tracking number').getAttribute('aria-invalid')).toBe('true')
      await mallkit.shot(page, 'orders-ship-error')

      await ship.getByLabel('Tracking number').fill('SF1234567890')
      await ship.getByRole('button', { name: 'Ship' }).click()
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Shipped.')
      await expect
        .poll(() => page.locator('.ops-detail__head [data-status]').textContent())
        .toBe('Shipped')
      expect(await page.locator('.ops-timeline').textContent()).toContain('顺丰速运 SF1234567890')
      await mallkit.shot(page, 'orders-shipped')
      await page.setViewportSize({ width: 820, height: 1180 })
      await mallkit.shot(page, 'orders-tablet')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('refunds a paid order in full after confirming, which cancels it', async () => {
    const order = await placeOrder(shopper, 'console-orders-refund', true)
    const { browser, page, problems } = await openOrders()
    try {
      await openOrder(page, order.number)
      const refund = page.getByRole('region', { name: 'Refund' })
      await refund.getByLabel('Amount (¥)').fill('abc')
      await expect
        .poll(() => refund.getByRole('alert').first().textContent())
        .toBe('Enter an amount such as 12 or 12.50.')
      await refund.getByRole('button', { name: 'Refund everything left' }).click()
      await refund.getByRole('button', { name: 'Refund', exact: true }).click()
      const confirm = page.getByRole('alertdialog')
      await mallkit.shot(page, 'orders-refund-confirm')
      await confirm.getByRole('button', { name: 'Refund' }).click()
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Refund of')
      await expect
        .poll(() => page.locator('.ops-detail__head [data-status]').textContent())
        .toBe('Cancelled')
      expect(await page.getByTestId('refunds').textContent()).toContain('refunded')
      await mallkit.shot(page, 'orders-refunded')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('cancels an unpaid order with a reason after confirming', async () => {
    const order = await placeOrder(shopper, 'console-orders-cancel', false)
    const { browser, page, problems } = await openOrders()
    try {
      await openOrder(page, order.number)
      const cancel = page.getByRole('region', { name: 'Cancel order' })
      await cancel.getByLabel('Reason for cancelling').fill('Out of stock at the warehouse')
      await cancel.getByRole('button', { name: 'Cancel order' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel order' }).click()
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('The order is cancelled.')
      await expect
        .poll(() => page.locator('.ops-detail__head [data-status]').textContent())
        .toBe('Cancelled')
      await mallkit.shot(page, 'orders-cancelled')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it("shows the buyer's profile, addresses and orders, and the shipment in the audit log", async () => {
    const { browser, page, problems } = await openOrders()
    try {
      await mallNavLink(page, 'Customers').click()
      await page.getByRole('searchbox').fill('customer@demo')
      await page.getByRole('link', { name: '演示顾客' }).click()
      await page.getByRole('heading', { name: 'Addresses' }).waitFor()
      await expect.poll(() => page.locator('address').count()).toBeGreaterThan(0)
      // The three orders the tests above placed, newest first, with their statuses.
      await expect
        .poll(() => page.locator('.ops-card').filter({ hasText: 'Orders' }).locator('li').count())
        .toBeGreaterThanOrEqual(3)
      await mallkit.shot(page, 'orders-customer')

      await mallNavLink(page, 'Audit log').click()
      await page.getByRole('searchbox').fill('order.')
      await expect.poll(() => page.locator('td code', { hasText: 'order.shipped' }).count()).toBe(1)
      await expect.poll(() => page.locator('td code', { hasText: 'staff.' }).count()).toBe(0)
      await mallkit.shot(page, 'orders-audit')

      // The order desk in Chinese: every string of the screen has its zh-CN text.
      await page.getByLabel('Language').selectOption('zh-CN')
      await page
        .getByRole('navigation', { name: '商城' })
        .getByRole('link', { name: '订单', exact: true })
        .click()
      await page.getByRole('radio', { name: '已发货' }).click()
      await expect
        .poll(() => page.getByRole('searchbox').getAttribute('placeholder'))
        .toBe('按订单号搜索')
      await expect
        .poll(() => page.locator('tbody [data-status]').first().textContent())
        .toBe('已发货')
      await mallkit.shot(page, 'orders-zh')
      expect(problems).toEqual([])
    } catch (error) {
      await mallkit.shot(page, 'orders-failure')
      throw error
    } finally {
      await browser.close()
    }
  })
})
