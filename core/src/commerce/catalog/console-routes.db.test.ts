import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../test/app.ts'
import { ownerOnMallHost, sendRaw, tshirtBody } from './test-support.ts'

type Page<T> = { items: T[]; nextCursor: string | null }
type Media = {
  id: string
  url: string
  alt: string | null
  variants: Record<string, { url: string }>
}
type InventoryItem = {
  skuId: string
  productId: string
  productTitle: Record<string, string>
  spec: Record<string, string>
  code: string | null
  stock: number
}
type Problem = { errors?: { field: string }[] }

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#cc3366' } })
    .png()
    .toBuffer()

describe('catalog console lists', () => {
  let core: TestCore
  let dataDir: string
  let a: TestMall
  let b: TestMall
  let staffA: TestClient
  let staffB: TestClient

  const upload = async (client: TestClient, alt: string) => {
    const form = new FormData()
    form.set('file', new Blob([await png()]), 'p.png')
    form.set('alt', alt)
    const response = await sendRaw(core, client, 'POST', '/api/admin/media', form)
    expect(response.status).toBe(201)
    return (await response.json()) as Media
  }
  const fields = async (response: Response) =>
    ((await response.json()) as Problem).errors?.map((e) => e.field)

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mallkit-console-'))
    core = await createTestCore({ config: { MALLKIT_DATA_DIR: dataDir } })
    a = await core.createMall('console-a')
    b = await core.createMall('console-b')
    staffA = await ownerOnMallHost(core, a)
    staffB = await ownerOnMallHost(core, b)
  })
  afterAll(async () => {
    await core?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('answers 403 to staff whose role cannot manage the catalog', async () => {
    const helper = await ensureStaffUser(core.services.db, {
      email: 'service@console-a.test',
      name: 'Service desk',
      password: 'service-password-1',
    })
    await setMembership(core.services.db, helper.id, { tenantId: a.id }, 'service')
    const platform = core.client()
    await platform.loginStaff('service@console-a.test', 'service-password-1')
    const service = core.client(a.host)
    for (const [name, value] of platform.cookies) service.cookies.set(name, value)
    expect((await service.get('/api/admin/media')).status).toBe(403)
    expect((await service.get('/api/admin/inventory')).status).toBe(403)
  })

  describe('GET /api/admin/media', () => {
    it("pages through the mall's own images, newest first, and searches their alt text", async () => {
      const first = await upload(staffA, 'red shirt')
      const second = await upload(staffA, 'blue shirt')
      const third = await upload(staffA, 'green hat')
      await upload(staffB, 'red shirt of another mall')

      const one = (await (await staffA.get('/api/admin/media?limit=2')).json()) as Page<Media>
      expect(one.items.map((m) => m.id)).toEqual([third.id, second.id])
      expect(one.items[0]!.variants.thumb!.url).toMatch(/^\/media\//)
      expect(one.nextCursor).not.toBeNull()
      const two = (await (
        await staffA.get(`/api/admin/media?limit=2&cursor=${one.nextCursor}`)
      ).json()) as Page<Media>
      expect(two).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null })

      const shirts = (await (await staffA.get('/api/admin/media?q=SHIRT')).json()) as Page<Media>
      expect(shirts.items.map((m) => m.id)).toEqual([second.id, first.id])
    })

    it('refuses a cursor it did not issue, naming it, and anyone without a staff session', async () => {
      const bad = await staffA.get('/api/admin/media?cursor=nonsense')
      expect(bad.status).toBe(422)
      expect(await fields(bad)).toEqual(['query.cursor'])
      expect((await core.client(a.host).get('/api/admin/media')).status).toBe(401)
    })
  })

  describe('GET /api/admin/inventory', () => {
    let skus: { id: string; code: string | null }[]

    beforeAll(async () => {
      const created = await staffA.post('/api/admin/products', tshirtBody({}, 'INV'))
      expect(created.status).toBe(201)
      skus = ((await created.json()) as { skus: { id: string; code: string | null }[] }).skus
      await staffB.post('/api/admin/products', tshirtBody({}, 'INV'))
      const adjusted = await staffA.patch(`/api/admin/skus/${skus[2]!.id}/stock`, {
        set: 1,
        reason: 'count',
      })
      expect(adjusted.status).toBe(200)
    })

    it('lists the SKUs lowest stock first with their product, paging by cursor', async () => {
      const one = (await (
        await staffA.get('/api/admin/inventory?limit=3')
      ).json()) as Page<InventoryItem>
      expect(one.items).toHaveLength(3)
      expect(one.items[0]).toMatchObject({
        skuId: skus[2]!.id,
        stock: 1,
        code: 'INV-10',
        spec: { 颜色: '蓝', 尺码: 'S' },
        specNames: ['颜色', '尺码'],
        productTitle: { en: 'Cotton T-shirt' },
      })
      const two = (await (
        await staffA.get(`/api/admin/inventory?limit=3&cursor=${one.nextCursor}`)
      ).json()) as Page<InventoryItem>
      expect(two.nextCursor).toBeNull()
      const ids = [...one.items, ...two.items].map((i) => i.skuId)
      expect(new Set(ids)).toEqual(new Set(skus.map((s) => s.id)))
    })

    it('keeps only low stock, or what matches a title or SKU code', async () => {
      const low = (await (
        await staffA.get('/api/admin/inventory?lowStock=2')
      ).json()) as Page<InventoryItem>
      expect(low.items.map((i) => i.skuId)).toEqual([skus[2]!.id])
      const byCode = (await (
        await staffA.get('/api/admin/inventory?q=inv-01')
      ).json()) as Page<InventoryItem>
      expect(byCode.items.map((i) => i.code)).toEqual(['INV-01'])
      const byTitle = (await (
        await staffA.get('/api/admin/inventory?q=T恤')
      ).json()) as Page<InventoryItem>
      expect(byTitle.items).toHaveLength(4)
    })

    it('names a bad filter or cursor with a 422', async () => {
      const negative = await staffA.get('/api/admin/inventory?lowStock=-1')
      expect(negative.status).toBe(422)
      expect(await fields(negative)).toEqual(['query.lowStock'])
      const bad = await staffA.get(
        `/api/admin/inventory?cursor=${Buffer.from('[1,"x"]').toString('base64url')}`,
      )
      expect(bad.status).toBe(422)
      expect(await fields(bad)).toEqual(['query.cursor'])
    })
  })
})
