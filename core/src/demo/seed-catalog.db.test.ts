import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore } from '../../test/app.ts'
import { storageFor } from '../commerce/storage/storage.ts'
import { DEMO, seedDemo } from './seed.ts'
import { DEMO_PRODUCTS, seedDemoCatalog } from './seed-catalog.ts'

type Page = {
  items: {
    id: string
    title: Record<string, string>
    image: { url: string; variants: Record<string, { url: string }> } | null
  }[]
  nextCursor: string | null
}

describe('demo catalog', () => {
  let core: TestCore
  let dataDir: string
  let tenantId: string
  const host = `${DEMO.slug}.localhost`

  const counts = async () => {
    const db = core.services.db
    const { withTenant } = await import('../db/tenant-scope.ts')
    return withTenant(db, tenantId, async (tx) => ({
      products: (
        await tx.selectFrom('core__product').select('id').where('status', '=', 'active').execute()
      ).length,
      skus: (await tx.selectFrom('core__sku').select('id').execute()).length,
      media: (await tx.selectFrom('core__media').select('id').execute()).length,
      categories: (
        await tx.selectFrom('core__category').select('id').where('parent_id', 'is', null).execute()
      ).length,
    }))
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mallkit-demo-'))
    core = await createTestCore({ config: { MALLKIT_DATA_DIR: dataDir } })
    const started = Date.now()
    expect(await seedDemo(core.services.db, storageFor(core.services.config))).toBe(true)
    // Seeding is part of the first start: keep it quick.
    expect(Date.now() - started).toBeLessThan(30_000)
    const tenant = await core.services.db
      .selectFrom('core__tenant')
      .select('id')
      .where('slug', '=', DEMO.slug)
      .executeTakeFirstOrThrow()
    tenantId = tenant.id
  })
  afterAll(async () => {
    await core?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('creates at least 40 active products with images across at least 5 categories', async () => {
    const c = await counts()
    expect(c.products).toBeGreaterThanOrEqual(40)
    expect(c.media).toBe(c.products)
    expect(c.categories).toBeGreaterThanOrEqual(5)
    expect(c.skus).toBeGreaterThan(c.products * 2)
  })

  it('shows every product in the store with an image that is served, thumbnails included', async () => {
    const shopper = core.client(host)
    const items: Page['items'] = []
    let cursor: string | null = null
    do {
      const page = (await (
        await shopper.get(`/api/store/products?limit=48${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as Page
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(items.length).toBe((await counts()).products)
    // Newest first is the catalog's own order, the same on every seed.
    expect(items.map((p) => p.title.en)).toEqual(DEMO_PRODUCTS.map((p) => p.en))
    expect(items.every((p) => p.image && p.title['zh-CN'] && p.title.en)).toBe(true)
    const phone = items.find((p) => p.title['zh-CN']?.includes('智能手机'))!
    expect(phone.title.en).toContain('Smartphone')
    expect(items.some((p) => p.title.en === 'Bluetooth Headphones')).toBe(true)
    const image = await shopper.get(phone.image!.url)
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp'])
    expect((await shopper.get(phone.image!.variants.thumb!.url)).status).toBe(200)
  })

  it('is idempotent: seeding again adds nothing', async () => {
    const before = await counts()
    expect(
      await seedDemoCatalog(core.services.db, tenantId, storageFor(core.services.config)),
    ).toBe(0)
    expect(await seedDemo(core.services.db)).toBe(false)
    expect(await counts()).toEqual(before)
  })
})
