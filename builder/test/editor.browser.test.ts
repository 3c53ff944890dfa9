import type { Page, Response as PageResponse } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipWithoutChromium } from '../../tenant-ui/test/browser.ts'
import { DEMO_OWNER, startConsoleServer, type ConsoleServer } from './console-browser.ts'

const skip = skipWithoutChromium('console editor browser test')

const OWNER = DEMO_OWNER
/** A title no seeded page has, so finding it on the storefront proves the publish. */
const GRID_TITLE = '编辑器精选 Console picks'
/** The title test 2 publishes and then rolls back. */
const HISTORY_TITLE = '回滚之前 Before the rollback'

interface PageWithDraft {
  id: string
  path: string
  draft: { blocks: { type: string; props: { slides?: { image: string }[] } }[] }
}

describe.skipIf(skip)('the page editor in a browser', () => {
  let mallkit: ConsoleServer
  let base: string

  beforeAll(async () => {
    mallkit = await startConsoleServer()
    base = mallkit.base
  }, 120_000)

  afterAll(() => mallkit?.stop())

  const shot = (page: Page, name: string) => mallkit.shot(page, name)
  const openConsole = (expected?: (response: PageResponse) => boolean) =>
    mallkit.openConsole(expected)

  /** A fresh browser logged in as the demo owner, on the demo mall's pages. */
  const logIn = async () => {
    const opened = await mallkit.logIn(DEMO_OWNER)
    const { page } = opened
    await page.getByRole('link', { name: /\/s\/demo/ }).click()
    await page.getByRole('navigation', { name: 'Mall' }).waitFor()
    return opened
  }

  /** From the demo mall's pages, opens the home page in the editor. */
  const openHome = async (page: Page) => {
    await page
      .getByRole('link')
      .filter({ has: page.locator('code', { hasText: /^\/$/ }) })
      .click()
    await page.locator('.ck-palette__item').first().waitFor()
  }

  const storefront = async () => (await fetch(`${base}/s/demo/`)).text()

  it('drags a banner and a product grid onto the home page, edits, undoes, redoes and publishes', async () => {
    const { browser, page, problems } = await openConsole(
      (r) =>
        // The deliberately wrong password, and the deliberately refused publish of a slide
        // without an image.
        (r.status() === 401 && r.url().endsWith('/api/platform/auth/login')) ||
        (r.status() === 422 && r.url().endsWith('/publish')),
    )
    try {
      // Log in: a wrong password is refused in place, then the right one goes through.
      await page.getByLabel('Email').fill(OWNER.email)
      await page.getByLabel('Password').fill('not-the-password')
      await page.getByRole('button', { name: 'Log in' }).click()
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong')
      await shot(page, 'login')
      await page.getByLabel('Password').fill(OWNER.password)
      await page.getByRole('button', { name: 'Log in' }).click()

      // The mall picker, then the demo mall's pages, then its home page.
      await page.getByRole('link', { name: /\/s\/demo/ }).click()
      const home = page.getByRole('link').filter({ has: page.locator('code', { hasText: /^\/$/ }) })
      await home.waitFor()
      await shot(page, 'pages')
      await home.click()
      await page.locator('.ck-palette__item').first().waitFor()

      // An image already on the demo home page, from its banner.
      const pages = (await (await page.request.get(`${base}/s/demo/api/admin/pages`)).json()) as {
        items: { id: string; path: string }[]
      }
      const homeId = pages.items.find((p) => p.path === '/')?.id
      const draft = (await (
        await page.request.get(`${base}/s/demo/api/admin/pages/${homeId}`)
      ).json()) as PageWithDraft
      const image = draft.draft.blocks.find((b) => b.type === 'core/banner')?.props.slides?.[0]
        ?.image
      expect(image).toMatch(/^\//)

      const blocks = page.locator('.ck-block')
      const before = await blocks.count()
      expect(before).toBe(draft.draft.blocks.length)
      const dropEnd = page.getByTestId('canvas-end')

      // Drag a banner onto the end of the page: it is added and selected.
      await page.locator('.ck-palette__item[data-block-type="core/banner"]').dragTo(dropEnd)
      await expect.poll(() => blocks.count()).toBe(before + 1)
      const banner = blocks.nth(before)
      expect(await banner.getAttribute('data-block-type')).toBe('core/banner')
      expect(await banner.getAttribute('class')).toContain('ck-block--selected')

      // Its first slide: image and link, in the list editor.
      const inspector = page.getByRole('form', { name: 'Banner carousel' })
      await inspector.getByRole('button', { name: 'Add item' }).click()
      const slide = inspector.getByRole('group', { name: 'Slides Item 1' })

      // A slide without an image cannot be published: the banner is named and selected.
      await page.getByRole('button', { name: 'Publish' }).click()
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toContain('Fix these blocks before publishing')
      expect(await page.locator('.ck-notices').textContent()).toContain('props.slides.0.image')
      expect(await banner.getAttribute('class')).toContain('ck-block--problem')
      expect(await banner.getAttribute('class')).toContain('ck-block--selected')
      await shot(page, 'publish-refused')

      // The image from the mall's media library, the link to a storefront page by the picker.
      await slide.getByRole('button', { name: 'Media library' }).click()
      await slide
        .getByRole('button', { name: /^Choose / })
        .first()
        .click()
      await expect.poll(() => banner.locator('img').count()).toBeGreaterThan(0)
      const chosen = (await banner.locator('img').first().getAttribute('src')) ?? ''
      expect(chosen).toMatch(/^\/s\/demo\/media\//)
      await slide.getByLabel('Link: links to').selectOption('page')
      await slide.getByLabel('Link: Page').selectOption('/search')
      // Fixed: the problem list clears without another publish.
      await expect.poll(() => page.locator('.ck-notices').count()).toBe(0)

      // Drag a product grid after it.
      await page.locator('.ck-palette__item[data-block-type="core/product-grid"]').dragTo(dropEnd)
      await expect.poll(() => blocks.count()).toBe(before + 2)
      const grid = blocks.nth(before + 1)
      expect(await grid.getAttribute('data-block-type')).toBe('core/product-grid')
      // The grid shows a category's products, picked by name with the category picker: the
      // canvas shows that category's real products, as the storefront will.
      const categories = (await (
        await page.request.get(`${base}/s/demo/api/store/categories`)
      ).json()) as {
        items: { id: string; name: { en?: string }; productCount: number }[]
      }
      const category = categories.items.find((c) => c.productCount > 0)
      expect(category).toBeDefined()
      const inGrid = (await (
        await page.request.get(
          `${base}/s/demo/api/store/products?categoryId=${category?.id}&limit=6`,
        )
      ).json()) as { items: { title: { en?: string; 'zh-CN'?: string } }[] }
      const gridForm = page.getByRole('form', { name: 'Product grid' })
      await gridForm.getByLabel('Products from: kind').selectOption('category')
      const picker = gridForm.getByRole('combobox', { name: 'Category' })
      await picker.fill(category?.name.en ?? '')
      await page
        .getByRole('option')
        .filter({ hasText: category?.name.en ?? '' })
        .first()
        .click()
      await expect
        .poll(() => gridForm.getByRole('list', { name: 'Category: chosen' }).textContent())
        .toContain(category?.name.en)
      const first = inGrid.items[0]?.title
      await expect
        .poll(() => grid.locator('.mk-grid__item').first().textContent())
        .toContain(first?.en ?? first?.['zh-CN'])
      // Title it.
      const title = page.getByLabel('Title (中文)')
      await title.fill(GRID_TITLE)
      await expect.poll(() => grid.locator('h2').textContent()).toBe(GRID_TITLE)
      await shot(page, 'editor')

      // Undo takes the title away (one step for the whole typing burst); redo brings it back.
      await page.getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => title.inputValue()).toBe('')
      expect(await grid.locator('h2').count()).toBe(0)
      await page.keyboard.press('Control+Shift+Z')
      await expect.poll(() => title.inputValue()).toBe(GRID_TITLE)
      await expect.poll(() => grid.locator('h2').textContent()).toBe(GRID_TITLE)

      // Publish (it saves the draft first); the storefront then shows both blocks.
      await page.getByRole('button', { name: 'Publish' }).click()
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toMatch(/Published as version \d+/)
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved')
      await shot(page, 'published')
      // The same screen in Chinese.
      await page.getByLabel('Language').selectOption('zh-CN')
      await page.getByRole('button', { name: '发布' }).waitFor()
      await shot(page, 'editor-zh')

      const shown = await storefront()
      expect(shown).toContain(GRID_TITLE)
      expect(shown).toContain(`src="${chosen}"`)
      // The storefront speaks the mall's language.
      expect(shown).toContain(first?.['zh-CN'] ?? first?.en)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)

  it('rolls the home page back to the previous version from its history', async () => {
    const { browser, page, problems } = await logIn()
    try {
      await openHome(page)
      // Publish a change of this test's own, so the rollback does not depend on test order.
      const blocks = page.locator('.ck-block')
      const before = await blocks.count()
      await page
        .locator('.ck-palette__item[data-block-type="core/product-grid"]')
        .dragTo(page.getByTestId('canvas-end'))
      await expect.poll(() => blocks.count()).toBe(before + 1)
      await page.getByLabel('Title (中文)').fill(HISTORY_TITLE)
      await page.getByRole('button', { name: 'Publish' }).click()
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toMatch(/Published as version \d+/)
      const notice = (await page.locator('.ck-notices').textContent()) ?? ''
      const published = Number(/version (\d+)/.exec(notice)?.[1])
      expect(published).toBeGreaterThan(1)
      expect(await storefront()).toContain(HISTORY_TITLE)

      // The history lists the new version as live, then the one before it.
      await page.getByRole('button', { name: 'History', exact: true }).click()
      const history = page.locator('.ck-history')
      await expect
        .poll(() => history.locator('li').first().getAttribute('data-version'))
        .toBe(String(published))
      expect(await history.locator('li').first().textContent()).toContain('by you')
      // Its change summary names the grid among the blocks added since the version before.
      await expect
        .poll(() =>
          history
            .locator(`[data-diff-version="${published}"] .pe-diff__added`)
            .getAttribute('title'),
        )
        .toContain('core/product-grid')

      // Roll back asks first; cancelling leaves everything as it was.
      const rollBack = history.getByRole('button', {
        name: `Roll back to version ${published - 1}`,
      })
      await rollBack.click()
      const confirm = history.getByRole('alertdialog')
      expect(await confirm.textContent()).toContain(`Publish version ${published - 1} again`)
      await confirm.getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => confirm.count()).toBe(0)
      await rollBack.click()
      await confirm.getByRole('button', { name: 'Roll back', exact: true }).click()

      // The previous version is live again as the newest, and the editor holds it as its draft.
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toContain(`Version ${published - 1} is live again as version ${published + 1}.`)
      await expect
        .poll(() => history.locator('li').first().getAttribute('data-version'))
        .toBe(String(published + 1))
      expect(await history.locator('li').first().textContent()).toContain(
        `Rollback to version ${published - 1}`,
      )
      await expect.poll(() => blocks.count()).toBe(before)
      expect(await page.locator('.ck-block h2', { hasText: HISTORY_TITLE }).count()).toBe(0)
      await shot(page, 'history')
      expect(await storefront()).not.toContain(HISTORY_TITLE)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)

  it('turns a plugin on and off in the plugin centre, and its blocks follow in the palette', async () => {
    const { browser, page, problems } = await logIn()
    try {
      // The demo plan allows coupons; any other allowed plugin with blocks would do as well.
      const listed = (await (
        await page.request.get(`${base}/s/demo/api/admin/plugins`)
      ).json()) as {
        items: { id: string; allowed: boolean; enabled: boolean }[]
      }
      const plugin =
        listed.items.find((item) => item.id === 'coupons' && item.allowed) ??
        listed.items.find((item) => item.allowed)
      expect(plugin).toBeDefined()
      const pluginId = plugin?.id ?? ''

      const row = page.locator(`[data-plugin-id="${pluginId}"]`)
      const toggle = row.getByRole('switch')
      const pluginsTab = page.getByRole('link', { name: 'Plugins' })
      const pagesTab = page.getByRole('link', { name: 'Pages' })
      await pluginsTab.click()
      await toggle.waitFor()
      expect(await row.textContent()).toContain('In this plan')
      // Turning on asks nothing.
      if ((await toggle.getAttribute('aria-checked')) === 'false') await toggle.click()
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
      expect(await row.textContent()).toContain('On')
      await shot(page, 'plugins')

      // Its blocks are now in the catalog and in the editor's palette.
      const catalog = (await (
        await page.request.get(`${base}/s/demo/api/admin/blocks`)
      ).json()) as {
        items: { type: string; pluginId: string | null; label: { en: string } }[]
      }
      const pluginBlocks = catalog.items.filter((block) => block.pluginId === pluginId)
      expect(pluginBlocks.length).toBeGreaterThan(0)
      if (pluginId === 'coupons')
        expect(pluginBlocks.map((block) => block.label.en)).toContain('Coupon centre')
      const first = pluginBlocks[0]
      const item = page.locator(`.ck-palette__item[data-block-type="${first?.type}"]`)
      await pagesTab.click()
      await openHome(page)
      await expect.poll(() => item.count()).toBe(1)
      expect(await item.textContent()).toContain(first?.label.en)
      expect(await page.locator('.ck-palette').textContent()).toContain(
        pluginId === 'coupons' ? 'Coupon centre' : (first?.label.en ?? ''),
      )

      // Its block on the published home page shows on the storefront while the plugin is on.
      const blocks = page.locator('.ck-block')
      const before = await blocks.count()
      await page.getByRole('button', { name: `Add ${first?.label.en}` }).click()
      await expect.poll(() => blocks.count()).toBe(before + 1)
      await page.getByRole('button', { name: 'Publish' }).click()
      await expect
        .poll(() => page.locator('.ck-notices').textContent())
        .toMatch(/Published as version \d+/)
      const marker = pluginId === 'coupons' ? /class="mk-coupons[" ]/ : null
      if (marker) expect(await storefront()).toMatch(marker)

      // Turning off asks first; confirmed, the plugin is off and its blocks leave the palette.
      await page.getByRole('button', { name: 'Back' }).click()
      await pluginsTab.click()
      await toggle.click()
      const confirm = row.getByRole('alertdialog')
      await confirm.waitFor()
      expect(await toggle.getAttribute('aria-checked')).toBe('true')
      await confirm.getByRole('button', { name: 'Turn off' }).click()
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false')
      await pagesTab.click()
      await openHome(page)
      expect(await item.count()).toBe(0)
      for (const block of pluginBlocks)
        expect(
          await page.locator(`.ck-palette__item[data-block-type="${block.type}"]`).count(),
        ).toBe(0)
      // The storefront skips the block of a plugin that is off…
      if (marker) expect(await storefront()).not.toMatch(marker)

      // …and shows it again once the plugin is back on, with nothing republished.
      await page.getByRole('button', { name: 'Back' }).click()
      await pluginsTab.click()
      await toggle.click()
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
      if (marker) await expect.poll(storefront).toMatch(marker)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
  it('creates a page, outlines it, copies and pastes a block, previews the draft and reuses it as a template', async () => {
    const { browser, page, problems } = await logIn()
    try {
      // A path the storefront owns is refused in place; a free one creates the page.
      const form = page.getByRole('form', { name: 'New page' })
      await form.getByLabel('Title (English)').fill('Summer sale')
      expect(await form.getByLabel('Path').inputValue()).toBe('/summer-sale')
      await form.getByLabel('Path').fill('/cart')
      await form.getByRole('button', { name: 'Create page' }).click()
      await expect.poll(() => form.getByRole('alert').textContent()).toContain('storefront')
      await form.getByLabel('Path').fill('/summer-sale')
      await shot(page, 'new-page')
      await form.getByRole('button', { name: 'Create page' }).click()
      await page.locator('.ck-palette__item').first().waitFor()
      expect(await page.locator('.ck-toolbar__title').textContent()).toContain('/summer-sale')

      // Two blocks by keyboard-friendly add buttons; the outline lists them in page order.
      const blocks = page.locator('.ck-block')
      await page.getByRole('button', { name: 'Add Notice bar' }).click()
      await page.getByRole('button', { name: 'Add Divider' }).click()
      await expect.poll(() => blocks.count()).toBe(2)
      const tree = page.getByRole('tree', { name: 'Outline' })
      const rows = tree.getByRole('treeitem')
      expect(await rows.allTextContents()).toEqual(['Notice bar', 'Divider'])

      // Selecting from the outline, by click and by keyboard.
      await rows.nth(0).click()
      await expect.poll(() => blocks.nth(0).getAttribute('class')).toContain('ck-block--selected')
      await rows.nth(0).press('ArrowDown')
      await page.keyboard.press('Enter')
      await expect.poll(() => blocks.nth(1).getAttribute('class')).toContain('ck-block--selected')
      expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true')

      // Copy the notice bar and paste it after the divider: a new block with a fresh id.
      await rows.nth(0).click()
      await page.getByRole('button', { name: 'Copy', exact: true }).click()
      await expect.poll(() => page.locator('.ck-notices').textContent()).toContain('Copied')
      await rows.nth(1).click()
      await page.getByRole('button', { name: 'Paste', exact: true }).click()
      await expect.poll(() => blocks.count()).toBe(3)
      const ids = await blocks.evaluateAll((els) => els.map((el) => el.dataset.blockId))
      expect(new Set(ids).size).toBe(3)
      expect(await blocks.nth(2).getAttribute('data-block-type')).toBe('core/notice-bar')
      expect(await blocks.nth(2).getAttribute('class')).toContain('ck-block--selected')
      // Ctrl+V pastes again (outside text boxes); undo takes the paste back.
      await rows.nth(2).focus()
      await page.keyboard.press('Control+V')
      await expect.poll(() => blocks.count()).toBe(4)
      await page.getByRole('button', { name: 'Undo' }).click()
      await expect.poll(() => blocks.count()).toBe(3)
      expect(await rows.allTextContents()).toEqual(['Notice bar', 'Divider', 'Notice bar'])
      await shot(page, 'outline')
      // The same editor on a tablet: palette, outline, canvas and inspector all still there.
      await page.setViewportSize({ width: 820, height: 1180 })
      await tree.waitFor()
      await shot(page, 'editor-tablet')
      await page.setViewportSize({ width: 1280, height: 800 })

      // The preview link shows the unpublished draft to whoever holds it.
      await page.getByRole('button', { name: 'Preview link' }).click()
      const link = page.getByRole('dialog', { name: 'Preview link' }).getByRole('textbox')
      await expect.poll(() => link.inputValue()).toContain('mk_preview=')
      const token = new URL(await link.inputValue()).searchParams.get('mk_preview') ?? ''
      const preview = await fetch(`${base}/s/demo/api/store/pages/preview?token=${token}`)
      expect(preview.status).toBe(200)
      expect(preview.headers.get('cache-control')).toBe('no-store')
      const draft = (await preview.json()) as { path: string; document: { blocks: unknown[] } }
      expect(draft.path).toBe('/summer-sale')
      expect(draft.document.blocks).toHaveLength(3)
      expect((await fetch(`${base}/s/demo/summer-sale`)).status).toBe(404)
      await page.keyboard.press('Escape')

      // Saved as a template, it starts another page with the same blocks.
      await page.getByRole('button', { name: 'Save as template' }).click()
      const dialog = page.getByRole('dialog', { name: 'Save as template' })
      await dialog.getByLabel('Template name').fill('Summer layout')
      await dialog.getByRole('button', { name: 'Save as template' }).click()
      await expect.poll(() => dialog.textContent()).toContain('Saved the template')
      await page.getByRole('button', { name: 'Back' }).click()
      await form.getByLabel('Title (English)').fill('Autumn')
      await form.getByLabel('Start from').selectOption({ label: 'Template: Summer layout' })
      await form.getByRole('button', { name: 'Create page' }).click()
      await page.locator('.ck-palette__item').first().waitFor()
      await expect.poll(() => blocks.count()).toBe(3)

      // A custom page is deleted after a confirmation; the home page has no delete button.
      await page.getByRole('button', { name: 'Back' }).click()
      const autumn = page.locator('[data-page-path="/autumn"]')
      await autumn.getByRole('button', { name: 'Delete' }).click()
      await autumn.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
      await expect.poll(() => autumn.count()).toBe(0)
      expect(
        await page.locator('[data-page-path="/"]').getByRole('button', { name: 'Delete' }).count(),
      ).toBe(0)
      await shot(page, 'page-manager')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
})
