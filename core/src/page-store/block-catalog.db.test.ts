import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestCore, type TestClient, type TestCore } from '../../test/app.ts'
import { definePlugin, definePluginServer } from '../plugins/index.ts'
import type { BlockManifest } from '../plugins/contract.ts'
import type { CatalogBlock } from './block-catalog.ts'

const label = { en: 'Block', 'zh-CN': '组件' }
const coreBlocks: Record<string, BlockManifest> = {
  banner: {
    label: { en: 'Banner', 'zh-CN': '轮播图' },
    icon: 'lucide:image',
    category: 'media',
    props: z.object({
      slides: z.array(z.object({ image: z.string(), link: z.string().optional() })).default([]),
      aspect: z.enum(['2:1', '16:9']).default('2:1'),
      autoplay: z.boolean().default(true),
    }),
    inspector: { slides: { widget: 'list' } },
  },
  columns: {
    label,
    icon: 'lucide:columns-2',
    category: 'layout',
    props: z.object({ gap: z.number().int().min(0).default(8) }),
    slots: { left: { label, allow: ['core/banner'] } },
    placement: { allowIn: ['root'], maxPerPage: 2 },
  },
  video: {
    label,
    icon: 'lucide:video',
    category: 'media',
    props: z.object({ url: z.url(), at: z.string().transform((s) => s.length) }),
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

describe('GET /api/admin/blocks', () => {
  let core: TestCore
  let owner: TestClient

  beforeAll(async () => {
    core = await createTestCore({ coreBlocks, plugins: [gift] })
    const mall = await core.createMall('shop')
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
  })
  afterAll(() => core.close())

  const catalog = async (client = owner) => {
    const response = await client.get('/s/shop/api/admin/blocks')
    expect(response.status).toBe(200)
    return ((await response.json()) as { items: CatalogBlock[] }).items
  }

  it("describes the core's blocks with their props as JSON Schema and their defaults", async () => {
    const items = await catalog()
    expect(items.map((b) => b.type)).toEqual(['core/banner', 'core/columns', 'core/video'])
    const [banner, columns] = items
    expect(banner).toMatchObject({
      pluginId: null,
      label: { en: 'Banner', 'zh-CN': '轮播图' },
      icon: 'lucide:image',
      category: 'media',
      slots: {},
      placement: {},
      inspector: { slides: { widget: 'list' } },
      defaults: { slides: [], aspect: '2:1', autoplay: true },
    })
    expect(banner?.props).toMatchObject({
      type: 'object',
      properties: {
        slides: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            properties: { image: { type: 'string' }, link: { type: 'string' } },
            required: ['image'],
          },
        },
        aspect: { enum: ['2:1', '16:9'], default: '2:1' },
        autoplay: { type: 'boolean', default: true },
      },
    })
    expect(banner?.props).not.toHaveProperty('$schema')
    expect(columns).toMatchObject({
      slots: { left: { label, allow: ['core/banner'] } },
      placement: { allowIn: ['root'], maxPerPage: 2 },
      props: { properties: { gap: { type: 'integer', minimum: 0, default: 8 } } },
    })
  })

  it('gives no defaults for a block with a required prop, and survives an unrepresentable one', async () => {
    const video = (await catalog()).find((b) => b.type === 'core/video')
    expect(video?.defaults).toBeNull()
    expect(video?.props).toMatchObject({ required: ['url', 'at'] })
  })

  it("lists a plugin's blocks only while the plugin is on for the mall", async () => {
    expect((await catalog()).some((b) => b.pluginId === 'gift')).toBe(false)
    expect((await owner.put('/s/shop/api/admin/plugins/gift', { enabled: true })).status).toBe(200)
    expect((await catalog()).find((b) => b.type === 'gift/popup')).toMatchObject({
      pluginId: 'gift',
      category: 'marketing',
      defaults: { text: 'Hi' },
    })
    expect((await owner.put('/s/shop/api/admin/plugins/gift', { enabled: false })).status).toBe(200)
    expect((await catalog()).map((b) => b.type)).not.toContain('gift/popup')
  })

  it('keeps out anonymous callers and staff who may not edit pages', async () => {
    expect((await core.client().get('/s/shop/api/admin/blocks')).status).toBe(401)
    await owner.post('/s/shop/api/admin/staff', {
      email: 'help@shop.test',
      name: 'Help',
      password: 'help-password-1',
      role: 'service',
    })
    const service = core.client()
    await service.loginStaff('help@shop.test', 'help-password-1')
    expect((await service.get('/s/shop/api/admin/blocks')).status).toBe(403)
  })
})
