import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page, Response as PageResponse } from 'playwright-core'
import { DEMO } from '../../core/src/demo/seed.ts'
import { freePort, startMallkit, type RunningMallkit } from '../../core/test/start-mallkit.ts'
import { ARTIFACTS, collectProblems, launchChromium } from '../../tenant-ui/test/browser.ts'

/** The demo logins the seed creates. */
export const DEMO_OWNER = { email: DEMO.owner.email, password: DEMO.owner.password }
export const DEMO_AGENCY = { email: DEMO.agencyOwner.email, password: DEMO.agencyOwner.password }

/** A Mallkit process on its own data folder and port, for one console browser suite. */
export interface ConsoleServer {
  server: RunningMallkit
  /** `http://localhost:{port}`: the platform host, where the console lives. */
  base: string
  port: number
  /** A browser on the console's login screen; see `openConsole`. */
  openConsole(expected?: (response: PageResponse) => boolean): Promise<OpenedConsole>
  /** A browser logged in as `who`, on the mall picker. */
  logIn(
    who: { email: string; password: string },
    expected?: (r: PageResponse) => boolean,
  ): Promise<OpenedConsole>
  /** Saves a screenshot as `.artifacts/console-{name}.png`. */
  shot(page: Page, name: string): Promise<unknown>
  stop(): Promise<void>
}

/** A browser with the console open; `problems` lists console errors and unexpected failures. */
export interface OpenedConsole {
  browser: Awaited<ReturnType<typeof launchChromium>>
  page: Page
  problems: string[]
}

/**
 * Starts Mallkit (embedded database, demo seed) for a console browser suite. Browsers it opens
 * are 1280 × 800 in English; every response of 400 or more counts as a problem unless it is the
 * favicon, the 401 of asking who is logged in before logging in, or `expected` allows it.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const dirs: string[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-console-'))
  dirs.push(dataDir)
  const port = await freePort()
  const base = `http://localhost:${port}`
  const server = await startMallkit(dataDir, port)
  mkdirSync(ARTIFACTS, { recursive: true })

  const openConsole = async (expected: (response: PageResponse) => boolean = () => false) => {
    const profile = mkdtempSync(join(tmpdir(), 'mallkit-chromium-'))
    dirs.push(profile)
    const browser = await launchChromium(profile, {
      locale: 'en',
      viewport: { width: 1280, height: 800 },
    })
    const page = await browser.newPage()
    // A 4xx is logged as "Failed to load resource"; the responses below report the unexpected.
    const problems = collectProblems(page, /Failed to load resource/)
    page.on('response', (r) => {
      const allowed =
        r.url().endsWith('/favicon.ico') ||
        // Asked before logging in (nobody yet).
        (r.status() === 401 && r.url().endsWith('/api/platform/me')) ||
        expected(r)
      if (r.status() >= 400 && !allowed) problems.push(`${r.status()}: ${r.url()}`)
    })
    await page.goto(`${base}/console/`)
    return { browser, page, problems }
  }

  const logIn = async (
    who: { email: string; password: string },
    expected?: (r: PageResponse) => boolean,
  ) => {
    const opened = await openConsole(expected)
    const { page } = opened
    await page.getByLabel('Email').fill(who.email)
    await page.getByLabel('Password').fill(who.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.locator('.ck-brand').waitFor()
    return opened
  }

  return {
    server,
    base,
    port,
    openConsole,
    logIn,
    shot: (page, name) => page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`) }),
    stop: async () => {
      await server.stop()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    },
  }
}
