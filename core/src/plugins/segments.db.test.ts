import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore, type TestMall } from '../../test/app.ts'
import { runInMall } from '../mall-context.ts'
import { definePlugin, definePluginServer, type SegmentProvider } from './index.ts'

/** A fixture plugin whose segments are fixed lists of customers. */
function segmentPlugin(id: string, members: Record<string, string[]>, stray: string[] = []) {
  const segments: SegmentProvider = {
    list: async () => [
      ...Object.keys(members).map((name) => ({
        id: `${id}:${name}`,
        label: { en: name, 'zh-CN': name },
      })),
      ...stray.map((other) => ({ id: other, label: { en: other, 'zh-CN': other } })),
    ],
    of: async (_ctx, customerId) => [
      ...Object.entries(members)
        .filter(([, ids]) => ids.includes(customerId))
        .map(([name]) => `${id}:${name}`),
      ...stray,
    ],
  }
  return definePluginServer(
    definePlugin({
      id,
      version: '1.0.0',
      compatibility: '^0.1.0',
      name: { en: id, 'zh-CN': id },
      settings: z.object({}),
    }),
    { segments },
  )
}

describe('segment directory', () => {
  let core: TestCore
  let mall: TestMall
  const alice = '00000000-0000-4000-8000-00000000000a'
  const bob = '00000000-0000-4000-8000-00000000000b'

  beforeAll(async () => {
    core = await createTestCore({
      plugins: [
        segmentPlugin('tiers', { gold: [alice], silver: [bob] }, ['other:forged']),
        segmentPlugin('clubs', { runners: [alice, bob] }),
      ],
    })
    mall = await core.createMall('segments')
    const owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    for (const id of ['tiers', 'clubs'])
      expect(
        (await owner.put(`/s/segments/api/admin/plugins/${id}`, { enabled: true })).status,
      ).toBe(200)
    expect(
      (await owner.put('/s/segments/api/admin/plugins/clubs', { enabled: false })).status,
    ).toBe(200)
  })
  afterAll(() => core?.close())

  const inMall = <T>(work: Parameters<typeof runInMall<T>>[2]) =>
    core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', mall.id)
      .executeTakeFirstOrThrow()
      .then((tenant) => runInMall(core.services, { tenant, actor: { kind: 'system' } }, work))

  it("lists the enabled plugins' segments, ignoring ids outside a plugin's own prefix", async () => {
    expect(await inMall((ctx) => ctx.segments.list())).toEqual([
      { id: 'tiers:gold', label: { en: 'gold', 'zh-CN': 'gold' }, pluginId: 'tiers' },
      { id: 'tiers:silver', label: { en: 'silver', 'zh-CN': 'silver' }, pluginId: 'tiers' },
    ])
  })

  it('answers membership through the owning plugin only while it is enabled', async () => {
    expect(await inMall((ctx) => ctx.segments.includes('tiers:gold', alice))).toBe(true)
    expect(await inMall((ctx) => ctx.segments.includes('tiers:gold', bob))).toBe(false)
    // A forged id outside the provider's prefix, a plugin that is off, no plugin at all.
    expect(await inMall((ctx) => ctx.segments.includes('other:forged', alice))).toBe(false)
    expect(await inMall((ctx) => ctx.segments.includes('clubs:runners', alice))).toBe(false)
    expect(await inMall((ctx) => ctx.segments.includes('nobody:here', alice))).toBe(false)
    expect(await inMall((ctx) => ctx.segments.of(bob))).toEqual(['tiers:silver'])
  })
})
