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

const skip = skipWithoutChromium('storefront browser test')

describe.skipIf(skip)('storefront in a phone browser', () => {
  let mall: PhoneMall

  beforeAll(async () => {
    mall = await startPhoneMall('browser')
  }, 120_000)

  afterAll(() => mall?.stop())

  it('renders the demo home page, hydrates, and the banner steps to the next slide', async () => {
    const page = await mall.browser.newPage()
    const problems = collectProblems(page)
    collectFailedRequests(page, problems)

    const response = await page.goto(`${mall.base}/s/demo/`)
    expect(response?.status()).toBe(200)
    await expect
      .poll(() => page.locator('.mk-grid__card').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(6)
    await hydrated(page)

    const banner = page.locator('.mk-banner')
    const slides = await banner.locator('.mk-banner__slide').count()
    expect(slides).toBeGreaterThanOrEqual(2)
    const before = Number(await banner.getAttribute('data-index'))
    await banner.locator('.mk-banner__nav--next').click()
    await expect
      .poll(async () => Number(await banner.getAttribute('data-index')))
      .toBe((before + 1) % slides)
    // The slide now shown is the one the screen reader is told about.
    await expect
      .poll(() =>
        banner
          .locator('.mk-banner__slide')
          .nth((before + 1) % slides)
          .getAttribute('aria-hidden'),
      )
      .toBe('false')

    // Images are served on the mall's path: the first banner slide and product cards load.
    const loaded = (selector: string) =>
      page.evaluate(
        (css) => (document.querySelector<HTMLImageElement>(css)?.naturalWidth ?? 0) > 0,
        selector,
      )
    await expect.poll(() => loaded('.mk-banner__slide img')).toBe(true)
    await expect.poll(() => loaded('.mk-grid__media img')).toBe(true)

    mkdirSync(ARTIFACTS, { recursive: true })
    await page.waitForTimeout(400) // let the slide transition finish for the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'storefront-home-phone.png') })
    expect(problems).toEqual([])
  }, 60_000)
})
