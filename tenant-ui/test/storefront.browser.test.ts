import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startMallkit, type RunningMallkit } from '../../core/test/start-mallkit.ts'
import {
  ARTIFACTS,
  collectProblems,
  hydrated,
  launchChromium,
  PHONE,
  skipWithoutChromium,
} from './browser.ts'

const skip = skipWithoutChromium('storefront browser test')

describe.skipIf(skip)('storefront in a phone browser', () => {
  let server: RunningMallkit
  let browser: BrowserContext
  let base: string
  const dirs: string[] = []

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-browser-'))
    const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
    dirs.push(dataDir, profile)
    const port = await freePort()
    base = `http://localhost:${port}`
    server = await startMallkit(dataDir, port)
    browser = await launchChromium(profile, { ...PHONE, locale: 'zh-CN' })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('renders the demo home page, hydrates, and the banner steps to the next slide', async () => {
    const page = await browser.newPage()
    const problems = collectProblems(page)
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))

    const response = await page.goto(`${base}/s/demo/`)
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
