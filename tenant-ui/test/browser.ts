import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** The system Chromium the browser tests drive. */
export const CHROMIUM = '/usr/bin/chromium'

/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = fileURLToPath(new URL('../../.artifacts/', import.meta.url))

/** A phone's screen: what the storefront is designed for first. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Headless, quiet Chromium: no sandbox, GPU, QUIC or background traffic of its own. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * True when `test` should be skipped because Chromium is missing, saying so on stderr. In CI a
 * missing browser is a failure (the launch throws), never a silent skip.
 */
export function skipWithoutChromium(test: string): boolean {
  const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true'
  if (skip)
    process.stderr.write(`${test} skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`)
  return skip
}

/** Chromium with its own profile in `profile`, at 2× pixels, with the given device and locale. */
export function launchChromium(
  profile: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1],
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    deviceScaleFactor: 2,
    ...options,
  })
}

/**
 * Collects what went wrong on `page`: console errors (but those matching `ignoreConsole`) and
 * uncaught page errors. A test adds what else counts (failed requests, error responses) and
 * expects the list to stay empty.
 */
export function collectProblems(page: Page, ignoreConsole?: RegExp): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignoreConsole?.test(message.text()))
      problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return problems
}

/** Waits until the page's app has hydrated (entry-client sets the flag). */
export const hydrated = (page: Page) =>
  page.waitForSelector('html[data-hydrated="true"]', { timeout: 15_000 })
