import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { freePort, startMallkit } from '../../core/test/start-mallkit.ts'

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

/**
 * Adds every request of `page` that failed to `problems`, with Chromium's reason. A load the
 * browser itself cancelled (`net::ERR_ABORTED`: the page navigated on while an image was still
 * streaming) is no fault of the server's and is left out; a reset, a truncated body or a refused
 * connection is not.
 */
export function collectFailedRequests(page: Page, problems: string[]): void {
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown'
    if (reason !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} (${reason})`)
  })
}

/** Waits until the page's app has hydrated (entry-client sets the flag). */
export const hydrated = (page: Page) =>
  page.waitForSelector('html[data-hydrated="true"]', { timeout: 15_000 })

/** A Mallkit of its own (the demo mall seeded) and a phone Chromium in Chinese to browse it. */
export interface PhoneMall {
  /** The server's origin, e.g. `http://localhost:41234`. */
  base: string
  browser: BrowserContext
  /** Closes the browser, stops the server and removes their directories. */
  stop(): Promise<void>
}

/** Starts a fresh Mallkit and a phone Chromium for one test file (`name` labels the temp dirs). */
export async function startPhoneMall(name: string): Promise<PhoneMall> {
  const dataDir = mkdtempSync(join(tmpdir(), `mallkit-${name}-`))
  const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
  const port = await freePort()
  const server = await startMallkit(dataDir, port)
  const browser = await launchChromium(profile, { ...PHONE, locale: 'zh-CN' }).catch(
    async (error: unknown) => {
      await server.stop()
      throw error
    },
  )
  return {
    base: `http://localhost:${port}`,
    browser,
    async stop() {
      await browser.close()
      await server.stop()
      for (const dir of [dataDir, profile]) rmSync(dir, { recursive: true, force: true })
    },
  }
}
