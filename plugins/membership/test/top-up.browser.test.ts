import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  adminApi,
  customerPhone,
  placeAndPay,
  standing,
  type CustomerPhone,
  publishMemberPage,
  demoOwner,
} from './storefront.ts'

const skip = skipWithoutChromium('top-up browser test')

describe.skipIf(skip)('stored value bought and spent online, in a browser', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  let admin: ReturnType<typeof adminApi>
  let phone: CustomerPhone
  let topUpSku: string
  const dirs: string[] = []
  const shot = (name: string) =>
    phone.page.screenshot({ path: join(ARTIFACTS, `top-up-${name}.png`), fullPage: true })

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-top-up-browser-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await demoOwner(base)
    admin = adminApi(owner, base)

    // The owner sells a ¥500 top-up (gets ¥550) as a catalog product, and puts the top-up block
    // on a member page.
    await admin('PUT', '/plugins/membership', 200, { enabled: true, settings: {} })
    const product = await admin<{ skus: { id: string }[] }>('POST', '/products', 201, {
      title: { 'zh-CN': '储值卡 ¥500', en: 'Stored value ¥500' },
      status: 'active',
      afterSales: { returnable7d: false, exclusion: 'digital-unsealed' },
      skus: [{ price: 50_000, stock: 10_000, weightGrams: 0 }],
    })
    topUpSku = product.skus[0]!.id
    await admin('POST', '/p/membership/top-up-packages', 201, {
      name: '充500送50',
      amount: 50_000,
      bonus: 5_000,
      skuId: topUpSku,
    })
    await publishMemberPage(admin, '/member', { 'zh-CN': '会员中心', en: 'Members' }, ['top-up'])
    phone = await customerPhone(base)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('tops up through checkout and payment: the balance is credited once the order is paid', async () => {
    const { page } = phone
    await page.goto(`${base}/s/demo/member?lang=zh-CN`)
    await hydrated(page)
    const before = await standing(page)
    await page.locator('input[name="membership-top-up"]').first().waitFor()
    await page.getByRole('button', { name: '立即充值', exact: true }).click()
    await page.waitForURL(/\/checkout\?sku=/)
    expect(page.url()).toContain(topUpSku)
    await hydrated(page)
    await page.waitForSelector('input[name="checkout-address"]:checked')
    await shot('checkout')
    await placeAndPay(page)
    await expect
      .poll(async () => (await standing(page)).balance, { timeout: 30_000, interval: 500 })
      .toBe(before.balance + 55_000)
  })

  it('pays a whole order with the balance alone: no payment step, the order is paid', async () => {
    const { page } = phone
    const before = await standing(page)
    const cheap = await page.evaluate(async () => {
      const list = await (await fetch('/s/demo/api/store/products?sort=price_asc&limit=1')).json()
      const product = await (await fetch(`/s/demo/api/store/products/${list.items[0].id}`)).json()
      return product.skus[0].id as string
    })
    await page.goto(`${base}/s/demo/checkout?sku=${cheap}&qty=1&lang=zh-CN`)
    await hydrated(page)
    await page.waitForSelector('input[name="checkout-address"]:checked')
    await page.locator('input[name="membership-balance"]').check()
    await expect.poll(() => page.locator('.mk-member-pay__result').count()).toBe(1)
    const placed = page.locator('button[type="submit"]:has-text("提交订单")')
    await expect.poll(() => placed.isEnabled()).toBe(true)
    await placed.click()
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}\/pay/)
    const orderId = /\/orders\/([0-9a-f-]{36})\/pay/.exec(page.url())![1]!
    await hydrated(page)
    await page.waitForSelector('[data-paid="true"]', { timeout: 20_000 })
    await shot('paid-by-balance')
    const order = await admin<{ status: string; total: number; subtotal: number }>(
      'GET',
      `/orders/${orderId}`,
      200,
    )
    expect([order.status, order.total]).toEqual(['paid', 0])
    const after = await standing(page)
    expect(after.balance).toBeLessThan(before.balance)
    expect(before.balance - after.balance).toBeGreaterThanOrEqual(order.subtotal)
    expect(phone.problems).toEqual([])
  })
})
