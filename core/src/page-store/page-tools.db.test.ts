import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestCore, type TestClient, type TestCore } from '../../test/app.ts'
import type { BlockManifest } from '../plugins/contract.ts'

const coreBlocks: Record<string, BlockManifest> = {
  banner: {
    label: { en: 'Banner', 'zh-CN': '横幅' },
    icon: 'lucide:image',
    category: 'media',
    props: z.object({ images: z.array(z.string()).min(1) }),
  },
}

const doc = (blocks: unknown[]) => ({ document: { schemaVersion: 1, root: {}, blocks } })
const banner = (id: string, image: string) => ({
  id,
  type: 'core/banner',
  props: { images: [image] },
})
const api = '/s/shop/api/admin'

interface Summary {
  id: string
  path: string
  kind: string
  publishedVersion: number | null
  publishAt: string | null
}

describe('page tools', () => {
  let core: TestCore
  let owner: TestClient
  let home: string
  let other: TestClient

  beforeAll(async () => {
    core = await createTestCore({ coreBlocks })
    const mall = await core.createMall('shop')
    const second = await core.createMall('other')
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    other = core.client()
    await other.loginStaff(second.ownerEmail)
    home = ((await (await owner.post(`${api}/pages`, { path: '/' })).json()) as Summary).id
  })
  afterAll(() => core.close())

  const create = async (body: Record<string, unknown>) => owner.post(`${api}/pages`, body)
  const pageOf = async (id: string) =>
    (await (await owner.get(`${api}/pages/${id}`)).json()) as Summary & {
      draft: { blocks: { id: string }[] }
    }

  it('saves a page as a template and creates a page from it; names and paths are unique', async () => {
    await owner.put(`${api}/pages/${home}/draft`, doc([banner('b1', '/one.png')]))
    const saved = await owner.post(`${api}/pages/${home}/template`, { name: 'Campaign' })
    expect(saved.status).toBe(201)
    const template = (await saved.json()) as { id: string; blockCount: number }
    expect(template.blockCount).toBe(1)
    const again = await owner.post(`${api}/pages/${home}/template`, { name: 'Campaign' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'body.name',
    )
    const listed = (await (await owner.get(`${api}/page-templates`)).json()) as {
      items: { name: string }[]
    }
    expect(listed.items.map((t) => t.name)).toEqual(['Campaign'])
    // Another mall sees none of them.
    const foreign = (await (await other.get('/s/other/api/admin/page-templates')).json()) as {
      items: unknown[]
    }
    expect(foreign.items).toEqual([])

    const made = await create({ path: '/summer', title: { en: 'Summer' }, templateId: template.id })
    expect(made.status).toBe(201)
    const page = await pageOf(((await made.json()) as Summary).id)
    expect(page.kind).toBe('custom')
    expect(page.draft.blocks.map((b) => b.id)).toEqual(['b1'])

    const blank = await create({ path: '/blank' })
    expect((await pageOf(((await blank.json()) as Summary).id)).draft.blocks).toEqual([])
    expect((await create({ path: '/summer' })).status).toBe(409)
    const bad = await create({ path: '/Bad Path' })
    expect(bad.status).toBe(422)
    const unknown = await create({ path: '/x', templateId: crypto.randomUUID() })
    expect(unknown.status).toBe(422)
    expect((await create({ path: '/x' })).status).toBe(201)

    expect((await owner.delete(`${api}/page-templates/${template.id}`)).status).toBe(204)
    expect((await owner.delete(`${api}/page-templates/${template.id}`)).status).toBe(404)
  })

  it('deletes a custom page but never the home page', async () => {
    const made = (await (await create({ path: '/gone' })).json()) as Summary
    expect((await owner.delete(`${api}/pages/${made.id}`)).status).toBe(204)
    expect((await owner.get(`${api}/pages/${made.id}`)).status).toBe(404)
    expect((await owner.delete(`${api}/pages/${home}`)).status).toBe(409)
    expect((await other.delete(`/s/other/api/admin/pages/${home}`)).status).toBe(404)
  })

  it('makes a preview link that shows the draft for an hour, uncached, only in its mall', async () => {
    await owner.put(`${api}/pages/${home}/draft`, doc([banner('draft-1', '/draft.png')]))
    const made = await owner.post(`${api}/pages/${home}/preview`)
    expect(made.status).toBe(201)
    const { token, path } = (await made.json()) as { token: string; path: string }
    expect(path).toBe('/')
    const anyone = core.client()
    const shown = await anyone.get(`/s/shop/api/store/pages/preview?token=${token}`)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('cache-control')).toBe('no-store')
    const body = (await shown.json()) as { document: { blocks: { id: string }[] } }
    expect(body.document.blocks.map((b) => b.id)).toEqual(['draft-1'])
    expect((await anyone.get(`/s/other/api/store/pages/preview?token=${token}`)).status).toBe(404)
    expect(
      (await anyone.get(`/s/shop/api/store/pages/preview?token=${token.slice(0, -2)}xx`)).status,
    ).toBe(404)
    expect((await anyone.get('/s/shop/api/store/pages/preview?token=short')).status).toBe(422)
    core.clock.advance(60 * 60_000 + 1)
    expect((await anyone.get(`/s/shop/api/store/pages/preview?token=${token}`)).status).toBe(404)
  })

  it('publishes at the scheduled time through the job runner, unless cancelled', async () => {
    await owner.put(`${api}/pages/${home}/draft`, doc([banner('sched-1', '/s.png')]))
    const past = new Date(core.clock.now().getTime() - 1000).toISOString()
    const refused = await owner.put(`${api}/pages/${home}/schedule`, { at: past })
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'body.at',
    )
    expect((await owner.put(`${api}/pages/${home}/schedule`, { at: 'soon' })).status).toBe(422)

    const at = new Date(core.clock.now().getTime() + 10 * 60_000)
    expect(
      (await owner.put(`${api}/pages/${home}/schedule`, { at: at.toISOString() })).status,
    ).toBe(204)
    expect((await pageOf(home)).publishAt).toBe(at.toISOString())
    await core.worker.drain()
    expect((await pageOf(home)).publishedVersion).toBeNull()

    core.clock.set(new Date(at.getTime() + 1000))
    await core.worker.drain()
    const published = await pageOf(home)
    expect(published.publishedVersion).toBe(1)
    expect(published.publishAt).toBeNull()
    const versions = (await (await owner.get(`${api}/pages/${home}/versions`)).json()) as {
      items: { note: string; publishedBy: string | null }[]
    }
    expect(versions.items[0]?.note).toBe('Scheduled publish')
    expect(versions.items[0]?.publishedBy).not.toBeNull()

    // A cancelled schedule publishes nothing when its time comes.
    const later = new Date(core.clock.now().getTime() + 60_000)
    await owner.put(`${api}/pages/${home}/schedule`, { at: later.toISOString() })
    expect((await owner.delete(`${api}/pages/${home}/schedule`)).status).toBe(204)
    core.clock.set(new Date(later.getTime() + 1000))
    await core.worker.drain()
    expect((await pageOf(home)).publishedVersion).toBe(1)
  })

  it('summarises the blocks added, removed and changed by a version', async () => {
    await owner.put(
      `${api}/pages/${home}/draft`,
      doc([banner('sched-1', '/changed.png'), banner('new-1', '/n.png')]),
    )
    const { version } = (await (await owner.post(`${api}/pages/${home}/publish`, {})).json()) as {
      version: number
    }
    const diff = (await (
      await owner.get(`${api}/pages/${home}/versions/${version}/diff`)
    ).json()) as { against: number; diff: Record<string, { id: string }[]> }
    expect(diff.against).toBe(version - 1)
    expect(diff.diff.added?.map((b) => b.id)).toEqual(['new-1'])
    expect(diff.diff.changed?.map((b) => b.id)).toEqual(['sched-1'])
    expect(diff.diff.removed).toEqual([])
    const first = (await (await owner.get(`${api}/pages/${home}/versions/1/diff`)).json()) as {
      against: number | null
      diff: { added: unknown[] }
    }
    expect(first.against).toBeNull()
    expect(first.diff.added).toHaveLength(1)
    expect((await owner.get(`${api}/pages/${home}/versions/99/diff`)).status).toBe(404)
  })
})
