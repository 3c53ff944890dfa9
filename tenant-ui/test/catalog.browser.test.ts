import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ARTIFACTS,
  collectFailedRequests,
  collectProblems,
  hydrated,
  skipWithoutChromium,
  startPhoneMall,
  type PhoneMall,
} from './browser.ts'

const skip = skipWithoutChromium('catalog browser test')

describe.skipIf(skip)('the catalog journey in a phone browser', () => {
  let mall: PhoneMall

  beforeAll(async () => {
    mall = await startPhoneMall('catalog-browser')
  }, 120_000)

  afterAll(() => mall?.stop())

  it('goes from home to a category, searches by suggestion and adds a product to the cart', async () => {
    const page = await mall.browser.newPage()
    const problems = collectProblems(page)
    collectFailedRequests(page, problems)

    // Home → the first category shortcut (数码) of the icon navigation.
    expect((await page.goto(`${mall.base}/s/demo/`))?.status()).toBe(200)
    await hydrated(page)
    expect(await page.locator('.mk-tabbar__item').count()).toBe(4)
    await page.locator('.mk-icon-nav__item', { hasText: '数码' }).click()
    await page.waitForURL(/\/s\/demo\/categories\/[0-9a-f-]{36}$/)
    await hydrated(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('数码')
    // Its subcategories are chips, and the products of all of them are listed.
    expect(await page.locator('.mk-chip', { hasText: '手机通讯' }).count()).toBe(1)
    expect(await page.locator('.mk-grid__card').count()).toBeGreaterThanOrEqual(4)
    // The photos of the first row, on screen, arrive and decode (the cards' images are lazy).
    const firstRowLoaded = () =>
      page
        .locator('.mk-grid__card img')
        .evaluateAll((images) =>
          (images as HTMLImageElement[]).slice(0, 2).every((i) => i.complete && i.naturalWidth > 0),
        )
    await expect.poll(firstRowLoaded, { timeout: 10_000 }).toBe(true)

    // Search: typing suggests titles; picking one searches for it.
    await page.goto(`${mall.base}/s/demo/search`)
    await hydrated(page)
    await page.locator('.mk-searchbox input').pressSequentially('耳机', { delay: 60 })
    const option = page.locator('.mk-searchbox__option').first()
    await option.waitFor({ state: 'visible', timeout: 10_000 })
    const suggested = (await option.textContent())?.trim() ?? ''
    expect(suggested).toContain('耳机')
    await option.click()
    await page.waitForURL((url) => url.searchParams.get('q') === suggested)
    await hydrated(page)
    await expect.poll(() => page.locator('.mk-searchbox input').inputValue()).toBe(suggested)
    const card = page.locator('.mk-grid__card').first()
    await expect.poll(() => card.textContent()).toContain(suggested)

    // The product: pick a value in every spec row, then add to the cart.
    await card.click()
    await page.waitForURL(/\/s\/demo\/products\/[0-9a-f-]{36}$/)
    await hydrated(page)
    await expect.poll(() => page.locator('.mk-product__name').textContent()).toBe(suggested)
    const rows = page.locator('.mk-spec')
    for (let i = 0; i < (await rows.count()); i++) {
      const value = rows.nth(i).locator('.mk-spec__value:not([disabled])').first()
      await value.click()
      await expect.poll(() => value.getAttribute('aria-pressed')).toBe('true')
    }
    await expect.poll(() => page.locator('.mk-product__stock').textContent()).toMatch(/\d+ 件/)
    await page.locator('.mk-stepper__button[aria-label="增加数量"]').click()
    await expect.poll(() => page.locator('.mk-stepper__input').inputValue()).toBe('2')
    await page.locator('.mk-actions__add').click()
    await expect
      .poll(() => page.locator('.mk-actions__message').textContent())
      .toContain('已加入购物车')
    await expect
      .poll(() => page.locator('.mk-actions__cart .mk-cart-link__badge').textContent())
      .toBe('2')
    // The badge comes from the server's cart, so it survives a reload.
    await page.reload()
    await hydrated(page)
    await expect
      .poll(() => page.locator('.mk-actions__cart .mk-cart-link__badge').textContent())
      .toBe('2')

    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'catalog-product-phone.png') })
    expect(problems).toEqual([])
  }, 90_000)
})
