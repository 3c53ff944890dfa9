import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../test/app.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { definePlugin, definePluginServer } from '../plugins/index.ts'
import type { BlockManifest } from '../plugins/contract.ts'

const label = { en: 'Block', 'zh-CN': '组件' }
const coreBlocks: Record<string, BlockManifest> = {
  banner: {
    label,
    icon: 'lucide:image',
    category: 'media',
    props: z.object({
      images: z.array(z.string()).min(1),
      height: z.number().int().min(80).default(160),
    }),
  },
}
const gift = definePluginServer(
  definePlugin({
    id: 'gift',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Gift', 'zh-CN': '礼物' },
    settings: z.object({}),
    blocks: {
      popup: {
        label,
        icon: 'lucide:gift',
        category: 'marketing',
        props: z.object({ text: z.string().default('Hi') }),
      },
    },
  }),
  {},
)

const page = (blocks: unknown[]) => ({ document: { schemaVersion: 1, root: {}, blocks } })
const banner = (id: string, image: string) => ({
  id,
  type: 'core/banner',
  props: { images: [image] },
})

describe('pages', () => {
  let core: TestCore
  let mall: TestMall
  let owner: TestClient
  let home: string

  beforeAll(async () => {
    core = await createTestCore({ coreBlocks, plugins: [gift] })
    mall = await core.createMall('shop')
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    const created = await owner.post('/s/shop/api/admin/pages', {
      path: '/',
      title: { en: 'Home' },
    })
    expect(created.status).toBe(201)
    home = ((await created.json()) as { id: string; kind: string }).id
    expect((await owner.put('/s/shop/api/admin/plugins/gift', { enabled: true })).status).toBe(200)
  })
  afterAll(() => core.close())

  const storeHome = async () =>
    (await core.client().get('/s/shop/api/store/pages?path=/')).json() as Promise<{
      version: number
      document: { blocks: { id: string; type: string; props: Record<string, unknown> }[] }
    }>

  it('has nothing to show before the first publish', async () => {
    expect((await core.client().get('/s/shop/api/store/pages?path=/')).status).toBe(404)
  })

  it('saves any well-formed draft but refuses to publish invalid blocks, naming block and field', async () => {
    const draft = page([
      { id: 'b1', type: 'core/banner', props: { images: [], height: 10 } },
      { id: 'x', type: 'core/nope', props: {} },
    ])
    expect((await owner.put(`/s/shop/api/admin/pages/${home}/draft`, draft)).status).toBe(204)
    const refused = await owner.post(`/s/shop/api/admin/pages/${home}/publish`, {})
    expect(refused.status).toBe(422)
    const problem = (await refused.json()) as { errors: { field: string; message: string }[] }
    expect(problem.errors.map((e) => e.field)).toEqual([
      'document.blocks.1.type',
      'document.blocks.0.props.images',
      'document.blocks.0.props.height',
    ])
    expect(problem.errors[0]?.message).toContain('x (core/nope)')
    expect((await owner.get(`/s/shop/api/admin/pages/${home}/versions`)).status).toBe(200)
    expect(
      (
        (await (await owner.get(`/s/shop/api/admin/pages/${home}/versions`)).json()) as {
          items: unknown[]
        }
      ).items,
    ).toEqual([])
  })

  it('publishes versions, serves the newest, and rolls back by publishing an old one again', async () => {
    await owner.put(`/s/shop/api/admin/pages/${home}/draft`, page([banner('b1', '/one.png')]))
    expect(
      await (await owner.post(`/s/shop/api/admin/pages/${home}/publish`, { note: 'first' })).json(),
    ).toEqual({ version: 1 })
    expect((await storeHome()).document.blocks).toEqual([
      { id: 'b1', type: 'core/banner', props: { images: ['/one.png'], height: 160 } },
    ])

    await owner.put(`/s/shop/api/admin/pages/${home}/draft`, page([banner('b2', '/two.png')]))
    expect(await (await owner.post(`/s/shop/api/admin/pages/${home}/publish`, {})).json()).toEqual({
      version: 2,
    })
    expect((await storeHome()).document.blocks[0]?.id).toBe('b2')

    const rolled = await owner.post(`/s/shop/api/admin/pages/${home}/rollback`, { version: 1 })
    expect(await rolled.json()).toEqual({ version: 3 })
    const served = await storeHome()
    expect(served.version).toBe(3)
    expect(served.document.blocks[0]?.props.images).toEqual(['/one.png'])
    const history = (await (
      await owner.get(`/s/shop/api/admin/pages/${home}/versions`)
    ).json()) as { items: { version: number; note: string }[] }
    expect(history.items.map((v) => [v.version, v.note])).toEqual([
      [3, 'Rollback to version 1'],
      [2, ''],
      [1, 'first'],
    ])
    expect(
      (await owner.post(`/s/shop/api/admin/pages/${home}/rollback`, { version: 9 })).status,
    ).toBe(404)
  })

  it("leaves out a disabled plugin's blocks and unknown blocks without breaking the page", async () => {
    await owner.put(
      `/s/shop/api/admin/pages/${home}/draft`,
      page([banner('b1', '/one.png'), { id: 'g', type: 'gift/popup', props: {} }]),
    )
    const { version } = (await (
      await owner.post(`/s/shop/api/admin/pages/${home}/publish`, {})
    ).json()) as { version: number }
    expect((await storeHome()).document.blocks.map((b) => b.id)).toEqual(['b1', 'g'])

    expect((await owner.put('/s/shop/api/admin/plugins/gift', { enabled: false })).status).toBe(200)
    expect((await storeHome()).document.blocks.map((b) => b.id)).toEqual(['b1'])

    // A block type that has gone away since publishing (its plugin uninstalled) is skipped too.
    await withTenant(core.services.db, mall.id, (tx) =>
      sql`update core__page_version set document = jsonb_set(document, '{blocks,0,type}', '"gone/away"')
          where page_id = ${home} and version = ${version}`.execute(tx),
    )
    expect((await storeHome()).document.blocks).toEqual([])
  })

  it('lets operators publish and keeps the service role out', async () => {
    const service = core.client()
    await owner.post('/s/shop/api/admin/staff', {
      email: 'help@shop.test',
      name: 'Help',
      password: 'help-password-1',
      role: 'service',
    })
    await service.loginStaff('help@shop.test', 'help-password-1')
    expect((await service.post(`/s/shop/api/admin/pages/${home}/publish`, {})).status).toBe(403)
    expect((await service.get('/s/shop/api/admin/pages')).status).toBe(403)
  })
})
