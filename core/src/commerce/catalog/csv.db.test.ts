import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { ownerOnMallHost, sendRaw, tshirtBody } from './test-support.ts'

type Problem = { errors: { field: string; message: string }[] }

describe('product CSV export and import', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient

  const importCsv = (csv: string) =>
    sendRaw(core, staff, 'POST', '/api/admin/products/import', csv, { 'content-type': 'text/csv' })
  const exportCsv = async () => {
    const response = await staff.get('/api/admin/products/export')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
  }
  /** Everything an import could change, straight from the database. */
  const snapshot = () =>
    withTenant(core.services.db, mall.id, async (tx) => ({
      products: await tx
        .selectFrom('core__product')
        .selectAll()
        .where('tenant_id', '=', mall.id)
        .orderBy('id')
        .execute(),
      skus: await tx
        .selectFrom('core__sku')
        .selectAll()
        .where('tenant_id', '=', mall.id)
        .orderBy('id')
        .execute(),
    }))

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('csv')
    staff = await ownerOnMallHost(core, mall)
    const category = (await (
      await staff.post('/api/admin/categories', { name: { 'zh-CN': '服饰' } })
    ).json()) as { id: string }
    expect(
      (
        await staff.post(
          '/api/admin/products',
          tshirtBody({
            categoryId: category.id,
            description: { 'zh-CN': '<p>柔软, "舒适"\n透气</p>' },
          }),
        )
      ).status,
    ).toBe(201)
    const mug = {
      title: { en: 'Mug; "big"' },
      status: 'draft',
      afterSales: { returnable7d: false, exclusion: 'opened-hygiene' },
      skus: [{ code: 'MUG', price: 1999, stock: 3, barcode: '690123' }],
    }
    expect((await staff.post('/api/admin/products', mug)).status).toBe(201)
    // Cells a spreadsheet would run as formulas: exported as text, imported back unchanged.
    const formulas = {
      title: { en: '=HYPERLINK("https://evil.example","Click")', 'zh-CN': '+86 热线' },
      subtitle: { en: '@SUM(A1)' },
      status: 'active',
      skus: [{ code: '-A1', price: 500, stock: 1, barcode: "'=quoted" }],
    }
    expect((await staff.post('/api/admin/products', formulas)).status).toBe(201)
  })
  afterAll(() => core?.close())

  it('exports one row per SKU, UTF-8 with a BOM, money as decimals', async () => {
    const csv = await exportCsv()
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).split('\n')
    expect(lines[0]).toMatch(/^product_id,status,title_zh,title_en,/)
    expect(csv).toContain('纯棉T恤')
    expect(csv).toContain('颜色=红;尺码=')
    expect(csv).toContain('Color=Red;Size=S')
    expect(csv).toContain(',59.00,99.00,5,200,')
    expect(csv).toContain(',19.99,,3,0,690123,')
  })

  it('changes nothing when the export is imported again', async () => {
    const before = await snapshot()
    const response = await importCsv(await exportCsv())
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ created: 0, updated: 0, unchanged: 3 })
    expect(await snapshot()).toEqual(before)
  })

  it('writes formula-like cells with a leading quote and imports them back unchanged', async () => {
    const csv = await exportCsv()
    const row = (parse(csv, { bom: true }) as string[][]).find((r) => r.includes("'-A1"))!
    expect(row).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("https://evil.example","Click")`,
        "'+86 热线",
        "'@SUM(A1)",
        "'-A1",
        "''=quoted",
      ]),
    )
    // No cell of the file starts a formula.
    expect(
      (parse(csv, { bom: true }) as string[][]).flat().filter((cell) => /^[=+\-@\t\r]/.test(cell)),
    ).toEqual([])
    const before = await snapshot()
    const response = await importCsv(csv)
    expect(await response.json()).toEqual({ created: 0, updated: 0, unchanged: 3 })
    expect(await snapshot()).toEqual(before)
    const product = before.products.find((p) => p.title.en?.startsWith('=HYPERLINK'))
    expect(product?.title).toEqual({
      en: '=HYPERLINK("https://evil.example","Click")',
      'zh-CN': '+86 热线',
    })
    expect(before.skus.find((s) => s.product_id === product?.id)).toMatchObject({
      code: '-A1',
      barcode: "'=quoted",
    })
  })

  /** The export as records (header first), to edit cells and write back as CSV. */
  const records = async () => parse(await exportCsv(), { bom: true }) as string[][]
  const write = (rows: string[][]) => stringify(rows)
  const edit = (rows: string[][], index: number, column: string, value: string) => {
    rows[index]![rows[0]!.indexOf(column)] = value
    return rows
  }

  it('reports bad cells by their physical line and column and writes nothing', async () => {
    const before = await snapshot()
    // Every T-shirt row spans two lines (its description has a line break): records 2 and 3
    // start on lines 4 and 6.
    const rows = edit(edit(await records(), 2, 'price', '-5'), 3, 'stock', 'lots')
    const response = await importCsv(write(rows))
    expect(response.status).toBe(422)
    const problem = (await response.json()) as Problem
    expect(problem.errors.map((e) => e.field).sort()).toEqual([
      'body.line.4.price',
      'body.line.6.stock',
    ])
    expect(problem.errors.map((e) => e.message).sort()[0]).toMatch(/^line 4, column price/)
    expect(await snapshot()).toEqual(before)
  })

  it('names a compare-at price below the price and a missing spec combination by their cells', async () => {
    const before = await snapshot()
    const cheap = await importCsv(write(edit(await records(), 1, 'compare_at_price', '9.00')))
    expect(((await cheap.json()) as Problem).errors.map((e) => e.field)).toEqual([
      'body.line.2.compare_at_price',
    ])
    const missing = await importCsv(write((await records()).filter((_, i) => i !== 3)))
    expect(((await missing.json()) as Problem).errors.map((e) => e.field)).toEqual([
      'body.line.2.spec',
    ])
    const unknownCode = await importCsv(
      write(edit(await records(), 1, 'product_id', crypto.randomUUID())),
    )
    expect(((await unknownCode.json()) as Problem).errors.map((e) => e.field)).toContain(
      'body.line.2.product_id',
    )
    expect(await snapshot()).toEqual(before)
  })

  it('updates SKUs matched by code and creates new products, in one go', async () => {
    const rows = edit(edit(await records(), 1, 'price', '49.00'), 1, 'stock', '8')
    const header = rows[0]!
    const fresh: Record<string, string> = {
      title_zh: '新品',
      status: 'active',
      sku_code: 'NEW-1',
      price: '1.50',
      stock: '9',
    }
    rows.push(header.map((column) => fresh[column] ?? ''))
    const skuBefore = (await snapshot()).skus.find((s) => s.code === 'TS-00')!
    const response = await importCsv(write(rows))
    expect(await response.json()).toEqual({ created: 1, updated: 1, unchanged: 2 })
    const after = await snapshot()
    expect(after.skus.find((s) => s.code === 'TS-00')).toMatchObject({
      id: skuBefore.id,
      price: 4900,
      stock: 8,
    })
    expect(after.skus.find((s) => s.code === 'NEW-1')).toMatchObject({ price: 150, stock: 9 })
    expect(after.products.find((p) => p.title['zh-CN'] === '新品')?.search_text).toContain('xinpin')
  })

  it('updates a product found by its SKU codes when product_id is empty, keeping stock without a stock column', async () => {
    const rows = await records()
    const header = rows[0]!
    const keep = header
      .map((c, i) => (c === 'product_id' || c === 'stock' ? -1 : i))
      .filter((i) => i >= 0)
    const trimmed = rows.map((row) => keep.map((i) => row[i]!))
    const mug = trimmed.findIndex((row) => row.includes('MUG'))
    trimmed[mug]![trimmed[0]!.indexOf('price')] = '25.00'
    const response = await importCsv(write(trimmed))
    expect(await response.json()).toEqual({ created: 0, updated: 1, unchanged: 3 })
    expect((await snapshot()).skus.find((s) => s.code === 'MUG')).toMatchObject({
      price: 2500,
      stock: 3,
    })
  })

  it('refuses unknown columns and garbage', async () => {
    const unknown = await importCsv('title_en,price,colour\nx,1.00,red\n')
    expect(((await unknown.json()) as Problem).errors.map((e) => e.field)).toEqual([
      'body.line.1.colour',
    ])
    expect((await importCsv('title_en,price\n"unterminated,1\n')).status).toBe(422)
    expect((await importCsv('')).status).toBe(422)
  })
})
