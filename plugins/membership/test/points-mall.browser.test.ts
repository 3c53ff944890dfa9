import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../../core/test/start-mallkit.ts'
import { ARTIFACTS, hydrated, skipWithoutChromium } from '../../../tenant-ui/test/browser.ts'
import {
  adminApi,
  buyDearest,
  customerPhone,
  storeCall,
  type CustomerPhone,
  publishMemberPage,
  demoOwner,
} from './storefront.ts'

const skip = skipWithoutChromium('points mall browser test')

const COUPON = '积分兑换券 ¥3'

/**
 * The points mall on a phone: the demo customer, holding points from a check-in, exchanges them
 * for a coupon after a confirmation, sees the points go and the button turn off, and finds the
 * coupon at checkout.
 */
describe.skipIf(skip)('the points mall, in a browser', () => {
  let server: RunningMallkit
  let base: string
  let owner: APIRequestContext
  let admin: ReturnType<typeof adminApi>
  let phone: CustomerPhone
  const dirs: string[] = []

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-points-mall-browser-'))
    dirs.push(dataDir)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    mkdirSync(ARTIFACTS, { recursive: true })
    owner = await demoOwner(base)
    admin = adminApi(owner, base)

    await admin('PUT', '/plugins/coupons', 200, { enabled: true })
    await admin('PUT', '/plugins/membership', 200, { enabled: true })
    const coupon = await admin<{ id: string }>('POST', '/p/coupons/templates', 201, {
      name: COUPON,
      benefit: { kind: 'amount_off', amount: 300 },
      validity: { kind: 'relative', days: 30 },
      status: 'live',
    })
    await admin('POST', '/p/membership/points-mall/items', 201, {
      name: COUPON,
      couponTemplateId: coupon.id,
      points: 5,
      stock: 10,
      perCustomerLimit: 1,
    })
    await publishMemberPage(admin, '/points', { 'zh-CN': '积分商城', en: 'Points mall' }, [
      'points-mall',
    ])
    phone = await customerPhone(base)
  }, 180_000)

  afterAll(async () => {
    await phone?.close()
    await owner?.dispose()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('exchanges points for a coupon after confirming, and the coupon is offered at checkout', async () => {
    const { page } = phone
    await page.goto(`${base}/s/demo/points?lang=zh-CN`)
    await hydrated(page)
    expect((await storeCall(page, 'POST', '/p/membership/check-in')).status).toBe(201)
    const before = (await storeCall(page, 'GET', '/p/membership/points-mall/me')).body as {
      points: number
    }
    expect(before.points).toBeGreaterThanOrEqual(5)
    await page.reload()
    await hydrated(page)

    const offer = page.locator('.mk-mall__offer', { hasText: COUPON })
    await offer.waitFor()
    expect(await offer.locator('.mk-mall__price').textContent()).toBe('5 积分')
    await expect
      .poll(() => page.locator('.mk-mall__points').textContent())
      .toBe(`我的积分：${before.points}`)
    await offer.getByRole('button', { name: '兑换', exact: true }).click()
    await expect.poll(() => offer.textContent()).toContain(`确认使用 5 积分兑换「${COUPON}」？`)
    await page.screenshot({ path: join(ARTIFACTS, 'membership-points-mall-confirm.png') })
    await offer.getByRole('button', { name: '确认兑换' }).click()
    await expect
      .poll(() => offer.locator('[role="status"]').textContent())
      .toContain(`兑换成功：「${COUPON}」已放入你的优惠券`)
    await expect
      .poll(() => page.locator('.mk-mall__points').textContent())
      .toBe(`我的积分：${before.points - 5}`)
    // The limit is one: the button says so and is off.
    const limited = offer.getByRole('button', { name: '已达兑换上限' })
    await limited.waitFor()
    expect(await limited.isDisabled()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'membership-points-mall-done.png') })

    const mine = (await storeCall(page, 'GET', '/p/coupons/mine')).body as {
      usable: { name: string }[]
    }
    expect(mine.usable.map((c) => c.name)).toContain(COUPON)
    await buyDearest(page, base, 1_000)
    const choice = page.locator('label.mk-choice', { hasText: COUPON })
    await choice.waitFor({ timeout: 15_000 })
    await page.screenshot({ path: join(ARTIFACTS, 'membership-points-mall-checkout.png') })
    expect(phone.problems).toEqual([])
  })
})
