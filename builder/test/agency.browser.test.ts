import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hydrated, skipWithoutChromium } from '../../tenant-ui/test/browser.ts'
import { DEMO_AGENCY, startConsoleServer, type ConsoleServer } from './console-browser.ts'

const skip = skipWithoutChromium('console agency browser test')

const DEMO_CUSTOMER = { email: 'customer@demo.mallkit.dev', password: 'mallkit-customer' }
/** The notice bar of the demo home page: the template's content. */
const DEMO_NOTICE = '满 99 元包邮'

/** A JSON answer fetched by the page itself (same origin, its cookies). */
const inPage = (page: Page, path: string, init?: { method: string; body: unknown }) =>
  page.evaluate(
    async ([url, options]) => {
      const response = await fetch(url, {
        method: options?.method ?? 'GET',
        headers: options ? { 'content-type': 'application/json' } : {},
        body: options ? JSON.stringify(options.body) : null,
      })
      return { status: response.status, body: (await response.json()) as { items?: unknown[] } }
    },
    [path, init] as const,
  )

describe.skipIf(skip)('the agency console in a browser', () => {
  let mallkit: ConsoleServer

  beforeAll(async () => {
    mallkit = await startConsoleServer()
  }, 120_000)

  afterAll(() => mallkit?.stop())

  it('creates a mall from the demo template that serves its own storefront and shares no data', async () => {
    const { browser, page, problems } = await mallkit.logIn(
      DEMO_AGENCY,
      // The demo customer trying the new mall's store, where they have no account.
      (r) => r.status() === 401 && r.url().endsWith('/api/store/auth/login'),
    )
    try {
      await page.getByRole('link', { name: /Manage client malls of Demo Agency/ }).click()
      const demoRow = page.getByRole('link', { name: 'Mallkit 演示商城' })
      await demoRow.waitFor()
      await mallkit.shot(page, 'agency-malls')

      // The demo mall becomes a template.
      await demoRow.click()
      await page.getByRole('heading', { name: 'Mallkit 演示商城' }).waitFor()
      await page.getByLabel('Template name').fill('Demo template')
      await page.getByRole('button', { name: 'Save template' }).click()
      await page.getByText('Saved the template Demo template.').waitFor()
      await mallkit.shot(page, 'agency-demo-mall')

      // A new client mall from it; a bad slug is caught in place first.
      await page.getByRole('link', { name: /Back to client malls/ }).click()
      await page.getByRole('link', { name: 'New client mall' }).click()
      await page.getByLabel('Name', { exact: true }).fill('Tea House')
      await expect.poll(() => page.getByLabel('Slug').inputValue()).toBe('tea-house')
      await page.getByLabel('Slug').fill('Tea House!')
      await page.getByRole('button', { name: 'Create mall' }).click()
      await page.getByText('Use lowercase letters, digits and inner hyphens').waitFor()
      await page.getByLabel('Slug').fill('tea-house')
      await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Demo template' })
      await page.getByText(/page\(s\)/).waitFor()
      await page.getByLabel('Owner email').fill('owner@tea-house.test')
      await page.getByLabel('Owner name').fill('Tea House owner')
      await page.getByLabel('Initial password').fill('tea-house-owner-1')
      await mallkit.shot(page, 'agency-create')
      await page.getByRole('button', { name: 'Create mall' }).click()
      await page.getByRole('heading', { name: 'Tea House' }).waitFor()
      await page.getByText('Tea House was created.').waitFor()
      await mallkit.shot(page, 'agency-created')

      // Its own storefront at its own host, with the template's home page.
      const store = await browser.newPage()
      store.on('response', (r) => {
        const allowed = r.status() === 401 && r.url().endsWith('/api/store/auth/login')
        if (r.status() >= 400 && !allowed) problems.push(`${r.status()}: ${r.url()}`)
      })
      store.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      await store.goto(`http://tea-house.localhost:${mallkit.port}/`)
      await hydrated(store)
      await store.getByText(DEMO_NOTICE).first().waitFor()
      expect(await store.title()).not.toContain('Mallkit 演示商城')
      await mallkit.shot(store, 'agency-storefront')

      // None of the demo mall's data: products, search, customers, orders.
      const demoProducts = (await (
        await fetch(`${mallkit.base}/s/demo/api/store/products`)
      ).json()) as { items: unknown[] }
      expect(demoProducts.items.length).toBeGreaterThan(0)
      expect((await inPage(store, '/api/store/products')).body.items).toEqual([])
      expect((await inPage(store, '/api/store/search?q=%E6%89%8B%E6%9C%BA')).body.items).toEqual([])
      const login = await inPage(store, '/api/store/auth/login', {
        method: 'POST',
        body: { identifier: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
      })
      expect(login.status).toBe(401)
      for (const list of ['/orders', '/customers', '/products']) {
        const own = await inPage(page, `/s/tea-house/api/admin${list}`)
        expect(own.status, list).toBe(200)
        expect(own.body.items, list).toEqual([])
      }
      expect(
        (await inPage(page, '/s/demo/api/admin/customers')).body.items?.length,
      ).toBeGreaterThan(0)
      expect((await inPage(page, '/s/demo/api/admin/products')).body.items?.length).toBeGreaterThan(
        0,
      )

      // Its console, one click away, shows its own copied pages.
      await page.getByRole('link', { name: "Open this mall's console" }).click()
      await page.getByRole('navigation', { name: 'Mall' }).waitFor()
      await page.locator('code', { hasText: /^\/$/ }).first().waitFor()
      await mallkit.shot(page, 'agency-new-mall-console')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 240_000)
  it('maps and unmaps a domain, changes the plan and suspends the mall, each confirmed', async () => {
    const { browser, page, problems } = await mallkit.logIn(DEMO_AGENCY)
    try {
      await page.getByRole('link', { name: /Manage client malls of Demo Agency/ }).click()
      await page.getByLabel('Search by name or slug').fill('tea')
      await page.getByRole('link', { name: 'Tea House' }).click()
      await page.getByRole('heading', { name: 'Tea House' }).waitFor()

      await page.getByLabel('Custom domain').fill('Tea.Example.com')
      await page.getByRole('button', { name: 'Map domain' }).click()
      await page.getByText('tea.example.com now serves this mall.').waitFor()
      await page.getByRole('button', { name: 'Unmap' }).click()
      await page.getByRole('alertdialog', { name: /Unmap tea\.example\.com/ }).waitFor()
      await mallkit.shot(page, 'agency-unmap-confirm')
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await page.getByRole('button', { name: 'Unmap' }).waitFor({ state: 'detached' })

      await page.getByLabel('Change plan').selectOption('basic')
      await page.getByRole('button', { name: 'Save plan' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await page.getByText('Plan changed.').waitFor()

      await page.getByRole('button', { name: 'Suspend' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
      await page.getByRole('button', { name: 'Reactivate' }).waitFor()
      await mallkit.shot(page, 'agency-suspended')

      await page.getByRole('link', { name: /Back to client malls/ }).click()
      const row = page.getByRole('row').filter({ hasText: 'Tea House' })
      await expect.poll(() => row.textContent()).toContain('Suspended')
      expect(await row.textContent()).toContain('basic')
      await mallkit.shot(page, 'agency-malls-after')
      await page.setViewportSize({ width: 820, height: 1180 })
      await page.getByRole('link', { name: 'Tea House' }).click()
      await page.getByRole('heading', { name: 'Tea House' }).waitFor()
      await mallkit.shot(page, 'agency-tablet')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
})
