import type { Page } from 'playwright-core'
import { crc32, deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipWithoutChromium } from '../../tenant-ui/test/browser.ts'
import { DEMO_OWNER, startConsoleServer, type ConsoleServer } from './console-browser.ts'

const skip = skipWithoutChromium('console catalog browser test')

/** A title no seeded product has, so finding it proves the save. */
const TITLE_ZH = '控制台测试衫'
const TITLE_EN = 'Console test tee'

/** A solid-colour RGB PNG of `size` × `size`, built by hand (the console has no image library). */
function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => rgb).flat()),
  ])
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

interface Category {
  id: string
  name: { 'zh-CN'?: string; en?: string }
  productCount: number
  children: Category[]
}

describe.skipIf(skip)('the catalog screens in a browser', () => {
  let mallkit: ConsoleServer

  beforeAll(async () => {
    mallkit = await startConsoleServer()
  }, 120_000)
  afterAll(() => mallkit?.stop())

  const shot = (page: Page, name: string) => mallkit.shot(page, `catalog-${name}`)
  /** The admin API of the demo mall, called from the logged-in page. */
  const adminGet = <T>(page: Page, path: string) =>
    page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/s/demo/api/admin${path}`,
    ) as Promise<T>
  const section = async (page: Page, name: string) => {
    await page
      .getByRole('navigation', { name: /^(Mall|商城)$/ })
      .getByRole('link', { name, exact: true })
      .click()
  }

  it('creates a product with a spec matrix and an image, finds it, adjusts stock, and manages categories', async () => {
    const { browser, page, problems } = await mallkit.logIn(
      DEMO_OWNER,
      (r) =>
        // The deliberately too-low compare-at price, and deleting a category that has products.
        (r.status() === 422 &&
          r.url().endsWith('/api/admin/products') &&
          r.request().method() === 'POST') ||
        (r.status() === 409 && r.url().includes('/api/admin/categories/')),
    )
    try {
      await page.getByRole('link', { name: /\/s\/demo/ }).click()
      await page.getByRole('navigation', { name: 'Mall' }).waitFor()
      await section(page, 'Products')
      await page.locator('.ck-table tbody tr').first().waitFor()
      await shot(page, 'products')

      // A new product: titles, an uploaded image, a 颜色 × 尺码 matrix.
      await page.getByRole('link', { name: 'New product' }).click()
      await page.getByLabel('Title (中文)', { exact: true }).fill(TITLE_ZH)
      await page.getByLabel('Title (English)', { exact: true }).fill(TITLE_EN)
      const png = solidPng(320, [217, 72, 95])
      await page
        .getByLabel('Upload', { exact: true })
        .setInputFiles({ name: 'tee.png', mimeType: 'image/png', buffer: png })
      await page.getByRole('img', { name: 'Image 1' }).waitFor()
      // The upload is in the mall's media library too, marked as chosen; choosing it again drops it.
      await page.getByRole('button', { name: 'Media library' }).click()
      const newest = page.getByRole('group', { name: 'Media library' }).getByRole('button').first()
      await expect.poll(() => newest.getAttribute('aria-pressed')).toBe('true')
      await newest.click()
      await expect.poll(() => page.getByRole('img', { name: 'Image 1' }).count()).toBe(0)
      await newest.click()
      await page.getByRole('img', { name: 'Image 1' }).waitFor()
      await page.getByRole('button', { name: 'Close library' }).click()

      const addSpec = async (n: number, name: string, values: string[]) => {
        await page.getByRole('button', { name: 'Add spec' }).click()
        await page.getByLabel(`Spec ${n} name`, { exact: true }).fill(name)
        await page.getByLabel(`Spec ${n} name`, { exact: true }).press('Tab')
        for (const value of values) {
          await page.getByLabel(`New value of ${name}`, { exact: true }).fill(value)
          await page.getByLabel(`New value of ${name}`, { exact: true }).press('Enter')
        }
      }
      await addSpec(1, '颜色', ['红', '蓝'])
      await addSpec(2, '尺码', ['S', 'M'])
      const skus = ['红 / S', '红 / M', '蓝 / S', '蓝 / M']
      await expect.poll(() => page.locator('.mk-sku__table tbody tr').count()).toBe(4)
      for (const [i, sku] of skus.entries()) {
        if (sku !== '蓝 / M')
          await page.getByLabel(`Price of ${sku}`, { exact: true }).fill(`${59 + i}.00`)
        await page.getByLabel(`Stock of ${sku}`, { exact: true }).fill(String(5 + i))
      }
      await page.getByLabel('SKU code of 红 / S', { exact: true }).fill('CONSOLE-RS')

      // A missing price is named next to its input before anything is sent.
      await page.getByRole('button', { name: 'Save product' }).click()
      await expect
        .poll(() => page.locator('#sku-3-price-error').textContent())
        .toContain('Enter a price')
      await shot(page, 'price-error')

      // A compare-at price below the price: the API's refusal shows next to that input.
      await page.getByLabel('Price of 蓝 / M', { exact: true }).fill('62.50')
      await page.getByLabel('Compare-at price of 红 / S', { exact: true }).fill('10')
      await page.getByRole('button', { name: 'Save product' }).click()
      await expect
        .poll(() => page.locator('#sku-0-compare-error').textContent())
        .toContain('at least the price')
      await page.getByLabel('Compare-at price of 红 / S', { exact: true }).fill('99')
      await page.getByRole('button', { name: 'Save product' }).click()
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Product created')
      await shot(page, 'product-saved')
      const productId = /\/products\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1]
      expect(productId).toBeTruthy()

      const saved = await adminGet<{
        images: unknown[]
        priceMin: number
        priceMax: number
        skus: {
          id: string
          spec: Record<string, string>
          price: number
          stock: number
          code: string | null
        }[]
      }>(page, `/products/${productId}`)
      expect(saved.images).toHaveLength(1)
      expect([saved.priceMin, saved.priceMax]).toEqual([5900, 6250])
      expect(saved.skus.map((s) => [s.spec, s.price, s.stock])).toEqual([
        [{ 颜色: '红', 尺码: 'S' }, 5900, 5],
        [{ 颜色: '红', 尺码: 'M' }, 6000, 6],
        [{ 颜色: '蓝', 尺码: 'S' }, 6100, 7],
        [{ 颜色: '蓝', 尺码: 'M' }, 6250, 8],
      ])

      // Editing the matrix keeps what the existing SKUs had: a third size adds two rows.
      await page.getByLabel('New value of 尺码', { exact: true }).fill('L')
      await page.getByLabel('New value of 尺码', { exact: true }).press('Enter')
      await expect.poll(() => page.locator('.mk-sku__table tbody tr').count()).toBe(6)
      expect(await page.getByLabel('Price of 红 / S', { exact: true }).inputValue()).toBe('59.00')
      expect(await page.getByLabel('Price of 蓝 / M', { exact: true }).inputValue()).toBe('62.50')
      await page.getByLabel('Price of 红 / L', { exact: true }).fill('65')
      await page.getByLabel('Price of 蓝 / L', { exact: true }).fill('65')
      await page.setViewportSize({ width: 820, height: 1180 })
      await page.locator('.mk-sku__table').scrollIntoViewIfNeeded()
      await shot(page, 'product-tablet')
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('button', { name: 'Save product' }).click()
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Product saved')
      const edited = await adminGet<typeof saved>(page, `/products/${productId}`)
      expect(edited.skus.map((s) => [s.spec, s.price, s.stock])).toEqual([
        [{ 颜色: '红', 尺码: 'S' }, 5900, 5],
        [{ 颜色: '红', 尺码: 'M' }, 6000, 6],
        [{ 颜色: '红', 尺码: 'L' }, 6500, 0],
        [{ 颜色: '蓝', 尺码: 'S' }, 6100, 7],
        [{ 颜色: '蓝', 尺码: 'M' }, 6250, 8],
        [{ 颜色: '蓝', 尺码: 'L' }, 6500, 0],
      ])
      // The same SKUs were updated in place, not replaced.
      expect(edited.skus.filter((s) => s.spec['尺码'] !== 'L').map((s) => s.id)).toEqual(
        saved.skus.map((s) => s.id),
      )

      // Found by search in the list, and on the storefront.
      await page.getByRole('link', { name: 'All products' }).click()
      await page.getByRole('searchbox').fill('console test')
      await expect.poll(() => page.locator('.ck-table tbody tr').count()).toBe(1)
      await expect.poll(() => page.locator('.ck-table tbody').textContent()).toContain(TITLE_EN)
      await shot(page, 'product-search')
      // The catalog as CSV, and the same CSV imported back.
      const csv = await page.evaluate(
        async (url) => (await fetch(url)).text(),
        (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '',
      )
      expect(csv).toContain('CONSOLE-RS')
      await page.getByLabel('Import CSV', { exact: true }).setInputFiles({
        name: 'products.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      })
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Imported:')
      const storefront = await (await fetch(`${mallkit.base}/s/demo/products/${productId}`)).text()
      expect(storefront).toContain(TITLE_ZH)

      // Inventory: take 2 of 红 / S off with a reason.
      await section(page, 'Inventory')
      await page.getByRole('searchbox').fill('CONSOLE-RS')
      await expect.poll(() => page.locator('.ck-table tbody tr').count()).toBe(1)
      await page.getByRole('button', { name: `Adjust stock of ${TITLE_EN} 红 / S` }).click()
      await page.getByLabel('Amount', { exact: true }).fill('-2')
      await page.getByLabel('Reason', { exact: true }).fill('stocktake')
      await page.getByRole('button', { name: 'Save stock' }).click()
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Stock is now 3')
      await shot(page, 'inventory')
      const after = await adminGet<{ skus: { code: string | null; stock: number }[] }>(
        page,
        `/products/${productId}`,
      )
      expect(after.skus.find((s) => s.code === 'CONSOLE-RS')?.stock).toBe(3)

      // From inventory to the product, which is archived after confirming.
      await page.getByRole('link', { name: TITLE_EN, exact: true }).click()
      await page.getByRole('button', { name: 'Archive' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('archived')
      const archived = await adminGet<{ status: string }>(page, `/products/${productId}`)
      expect(archived.status).toBe('archived')

      // Categories: one with products is refused with the reason; a new one is deleted.
      await section(page, 'Categories')
      const tree = await adminGet<{ items: Category[] }>(page, '/categories')
      const flat = (nodes: Category[]): Category[] => nodes.flatMap((n) => [n, ...flat(n.children)])
      const busy = flat(tree.items).find((c) => c.productCount > 0 && c.children.length === 0)!
      const busyName = busy.name.en ?? busy.name['zh-CN']!
      await page.getByRole('button', { name: `Delete ${busyName}`, exact: true }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('still has')

      await page.getByLabel('Name (中文)', { exact: true }).fill('测试分类')
      await page.getByLabel('Name (English)', { exact: true }).fill('Test category')
      await page.getByRole('button', { name: 'Create category' }).click()
      await page.getByRole('button', { name: 'Delete Test category', exact: true }).waitFor()
      // Moved up one place among the top-level categories, then renamed.
      const roots = async () =>
        (await adminGet<{ items: Category[] }>(page, '/categories')).items.map((c) => c.name.en)
      const order = await roots()
      expect(order.at(-1)).toBe('Test category')
      await page.getByRole('button', { name: 'Move Test category up' }).click()
      await expect.poll(roots).toEqual([...order.slice(0, -2), 'Test category', order.at(-2)])
      await page.getByRole('button', { name: 'Edit Test category' }).click()
      const edit = page.locator('.mk-tree__edit')
      await edit.getByLabel('Name (English)', { exact: true }).fill('Test shelf')
      await edit.getByRole('button', { name: 'Save' }).click()
      const created = page.getByRole('button', { name: 'Delete Test shelf', exact: true })
      await created.waitFor()
      await shot(page, 'categories')
      await created.click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('deleted')
      await expect.poll(() => created.count()).toBe(0)
      const left = await adminGet<{ items: Category[] }>(page, '/categories')
      expect(flat(left.items).some((c) => c.name['zh-CN'] === '测试分类')).toBe(false)

      // The same screens in Chinese.
      await page.getByLabel('Language').selectOption('zh-CN')
      await section(page, '商品')
      await page.getByRole('searchbox').fill('控制台')
      await expect.poll(() => page.locator('.ck-table tbody tr').count()).toBe(1)
      await expect.poll(() => page.locator('.ck-table tbody').textContent()).toContain('已归档')
      await shot(page, 'products-zh')

      expect(problems).toEqual([])
    } catch (error) {
      await shot(page, 'failure')
      throw new Error(`${String(error)}\nproblems: ${problems.join('; ')}`, { cause: error })
    } finally {
      await browser.close()
    }
  }, 180_000)
})
