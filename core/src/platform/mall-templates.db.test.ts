import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../test/app.ts'
import { storageFor } from '../commerce/storage/storage.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { definePlugin, definePluginServer } from '../plugins/index.ts'
import type { BlockManifest } from '../plugins/contract.ts'

const label = { en: 'Block', 'zh-CN': '组件' }
const coreBlocks: Record<string, BlockManifest> = {
  banner: {
    label,
    icon: 'lucide:image',
    category: 'media',
    props: z.object({ images: z.array(z.string()).min(1), link: z.string().optional() }),
  },
}
const gift = definePluginServer(
  definePlugin({
    id: 'gift',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Gift', 'zh-CN': '礼物' },
    settings: z.object({ greeting: z.string().default('Hi') }),
    blocks: {
      popup: { label, icon: 'lucide:gift', category: 'marketing', props: z.object({}) },
    },
  }),
  {},
)

const PASSWORD = 'agency-password-1'
const page = (blocks: unknown[], primary: string) => ({
  document: { schemaVersion: 1, root: { theme: { primary } }, blocks },
})

interface Problem {
  status: number
  errors?: { field: string; message: string }[]
}

describe('client malls from templates', () => {
  let core: TestCore
  let agencyId: string
  let otherAgencyId: string
  let source: TestMall
  let agency: TestClient
  let templateId: string
  let dataDir: string
  const mediaId = randomUUID()
  /** The path pages saved before `mediaPath` hold: it names the mall. */
  const imagePath = (tenantId: string) => `/media/${tenantId}/${mediaId}/original.png`
  /** A second image, by the path pages hold now: the mall is the host's. */
  const shortMediaId = randomUUID()
  const shortPath = `/media/${shortMediaId}/original.png`

  /** Rows of `table` the mall's own tenant scope sees. */
  const count = (tenantId: string, table: 'core__customer' | 'core__product' | 'core__category') =>
    withTenant(core.services.db, tenantId, async (tx) =>
      Number(
        (
          await tx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    )
  const tenantBySlug = (slug: string) =>
    core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst()
  const agencyStaff = async (email: string, role: 'owner' | 'operator', id: string) => {
    const user = await ensureStaffUser(core.services.db, { email, name: email, password: PASSWORD })
    await setMembership(core.services.db, user.id, { agencyId: id }, role)
    const client = core.client()
    await client.loginStaff(email, PASSWORD)
    return client
  }
  const newMall = (slug: string, extra: Record<string, unknown> = {}) => ({
    slug,
    name: `Client ${slug}`,
    owner: { email: `owner@${slug}.test`, name: 'Client owner', password: 'client-password-1' },
    ...extra,
  })

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mallkit-templates-'))
    core = await createTestCore({
      coreBlocks,
      plugins: [gift],
      config: { MALLKIT_DATA_DIR: dataDir },
    })
    const agencies = await core.services.db
      .insertInto('core__agency')
      .values([{ name: 'Agency' }, { name: 'Other agency' }])
      .returning('id')
      .execute()
    agencyId = agencies[0]!.id
    otherAgencyId = agencies[1]!.id
    source = await core.createMall('source', { agencyId })
    agency = await agencyStaff('boss@agency.test', 'owner', agencyId)

    // The source mall: two published pages with a theme, the gift plugin on with its settings,
    // and a catalog and a customer that must stay its own.
    const owner = core.client()
    await owner.loginStaff(source.ownerEmail)
    expect(
      (
        await owner.put('/s/source/api/admin/plugins/gift', {
          enabled: true,
          settings: { greeting: 'Welcome' },
        })
      ).status,
    ).toBe(200)
    // Two images of the source mall's library that its home page shows.
    for (const id of [mediaId, shortMediaId]) {
      const key = `${source.id}/${id}/original.png`
      await storageFor(core.services.config).put(key, Buffer.from('png bytes'), 'image/png')
      await withTenant(core.services.db, source.id, (tx) =>
        tx
          .insertInto('core__media')
          .values({
            tenant_id: source.id,
            id,
            storage_key: key,
            content_type: 'image/png',
            bytes: 9,
            width: 1,
            height: 1,
            variants: '{}',
          })
          .execute(),
      )
    }
    for (const [path, blocks] of [
      [
        '/',
        [
          {
            id: 'b1',
            type: 'core/banner',
            props: {
              images: [imagePath(source.id), shortPath],
              link: `/products/${randomUUID()}`,
            },
          },
        ],
      ],
      ['/about', [{ id: 'g1', type: 'gift/popup', props: {} }]],
    ] as const) {
      const created = await owner.post('/s/source/api/admin/pages', { path, title: { en: path } })
      const { id } = (await created.json()) as { id: string }
      await owner.put(`/s/source/api/admin/pages/${id}/draft`, page([...blocks], '#123456'))
      expect((await owner.post(`/s/source/api/admin/pages/${id}/publish`, {})).status).toBe(200)
    }
    await withTenant(core.services.db, source.id, async (tx) => {
      await tx
        .insertInto('core__customer')
        .values({ tenant_id: source.id, email: 'c@source.test', name: 'C', password_hash: 'x' })
        .execute()
      const category = await tx
        .insertInto('core__category')
        .values({ tenant_id: source.id, name: JSON.stringify({ en: 'Shoes' }) })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('core__product')
        .values({
          tenant_id: source.id,
          title: JSON.stringify({ en: 'Source shoe' }),
          subtitle: '{}',
          description_html: '{}',
          category_id: category.id,
          tags: [],
          spec_options: '[]',
          after_sales: JSON.stringify({ returnable7d: true, exclusion: null }),
        })
        .execute()
    })

    const saved = await agency.post(`/api/platform/agencies/${agencyId}/templates`, {
      tenantId: source.id,
      name: 'Source template',
    })
    expect(saved.status).toBe(201)
    const template = (await saved.json()) as { id: string; pages: string[]; plugins: string[] }
    expect(template).toMatchObject({ pages: ['/', '/about'], plugins: ['gift'] })
    templateId = template.id
  })
  afterAll(async () => {
    await core?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it("creates a mall with the template's pages, theme and plugins under its own tenant", async () => {
    const created = await agency.post(
      `/api/platform/agencies/${agencyId}/malls`,
      newMall('copy', { templateId }),
    )
    expect(created.status).toBe(201)
    const mall = (await created.json()) as { id: string; grant: string; owners: unknown[] }
    expect(mall.grant).toBe('active')
    expect(mall.owners).toEqual([{ email: 'owner@copy.test', name: 'Client owner' }])

    const home = (await (await core.client().get('/s/copy/api/store/pages?path=/')).json()) as {
      version: number
      document: { root: { theme: { primary: string } }; blocks: unknown[] }
    }
    expect(home.version).toBe(1)
    expect(home.document.root.theme.primary).toBe('#123456')
    // The images are the new mall's own copies (the older path now names the new mall); the link
    // to a source product now leads to search.
    expect(home.document.blocks).toEqual([
      {
        id: 'b1',
        type: 'core/banner',
        props: { images: [imagePath(mall.id), shortPath], link: '/search' },
      },
    ])
    for (const path of [imagePath(mall.id), shortPath]) {
      const image = await core.client('copy.localhost').get(path)
      expect(image.status).toBe(200)
      expect(await image.text()).toBe('png bytes')
    }
    const media = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__media').select(['tenant_id', 'id', 'storage_key']).execute(),
    )
    expect(media).toHaveLength(2)
    expect(media).toEqual(
      expect.arrayContaining(
        [mediaId, shortMediaId].map((id) => ({
          tenant_id: mall.id,
          id,
          storage_key: `${mall.id}/${id}/original.png`,
        })),
      ),
    )

    const owner = core.client()
    await owner.loginStaff('owner@copy.test', 'client-password-1')
    const plugins = (await (await owner.get('/s/copy/api/admin/plugins')).json()) as {
      items: { id: string; enabled: boolean; settings: { greeting: string } }[]
    }
    expect(plugins.items.find((p) => p.id === 'gift')).toMatchObject({
      enabled: true,
      settings: { greeting: 'Welcome' },
    })

    const pageRows = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__page').select(['tenant_id', 'path', 'published_version']).execute(),
    )
    expect(pageRows.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { tenant_id: mall.id, path: '/', published_version: 1 },
      { tenant_id: mall.id, path: '/about', published_version: 1 },
    ])
    for (const table of ['core__customer', 'core__product', 'core__category'] as const) {
      expect(await count(mall.id, table), table).toBe(0)
      expect(await count(source.id, table), table).toBe(1)
    }
  })

  it('refuses an unknown template or one of another agency, naming the field, and writes nothing', async () => {
    const foreign = await core.services.db
      .insertInto('core__mall_template')
      .values({
        agency_id: otherAgencyId,
        name: 'Theirs',
        snapshot: JSON.stringify({
          version: 1,
          theme: {},
          pages: [],
          plugins: [],
          sourceTenantId: null,
          media: [],
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const id of ['00000000-0000-4000-8000-000000000000', foreign.id, 'nope']) {
      const refused = await agency.post(
        `/api/platform/agencies/${agencyId}/malls`,
        newMall('ghost', { templateId: id }),
      )
      expect(refused.status).toBe(422)
      expect(((await refused.json()) as Problem).errors?.map((e) => e.field)).toEqual([
        'body.templateId',
      ])
    }
    expect(await tenantBySlug('ghost')).toBeUndefined()
    expect(
      await core.services.db
        .selectFrom('core__staff_user')
        .select('id')
        .where('email', '=', 'owner@ghost.test')
        .executeTakeFirst(),
    ).toBeUndefined()
  })

  it('creates nothing when the template cannot be applied (one transaction)', async () => {
    const broken = await core.services.db
      .insertInto('core__mall_template')
      .values({
        agency_id: agencyId,
        name: 'Broken',
        snapshot: JSON.stringify({
          version: 1,
          theme: {},
          plugins: [{ id: 'gift', settings: {} }],
          sourceTenantId: null,
          media: [],
          pages: [
            {
              path: '/',
              kind: 'home',
              pluginId: null,
              title: {},
              document: {
                schemaVersion: 1,
                root: {},
                blocks: [{ id: 'x', type: 'core/nope', props: {} }],
              },
            },
          ],
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const refused = await agency.post(
      `/api/platform/agencies/${agencyId}/malls`,
      newMall('half', { templateId: broken.id }),
    )
    expect(refused.status).toBe(422)
    expect(await tenantBySlug('half')).toBeUndefined()
  })

  it('refuses a plan that does not allow the template’s plugins, naming the plan', async () => {
    const refused = await agency.post(
      `/api/platform/agencies/${agencyId}/malls`,
      newMall('basic-copy', { templateId, planId: 'basic' }),
    )
    expect(refused.status).toBe(422)
    const problem = (await refused.json()) as Problem
    expect(problem.errors).toEqual([{ field: 'body.planId', message: 'does not include gift' }])
    expect(await tenantBySlug('basic-copy')).toBeUndefined()
  })

  it('refuses staff who are not owners or admins of the agency', async () => {
    const operator = await agencyStaff('clerk@agency.test', 'operator', agencyId)
    for (const [method, path, body] of [
      ['POST', `/api/platform/agencies/${agencyId}/malls`, newMall('sneaky', { templateId })],
      ['GET', `/api/platform/agencies/${agencyId}/templates`, undefined],
      ['POST', `/api/platform/agencies/${agencyId}/templates`, { tenantId: source.id, name: 'x' }],
    ] as const)
      expect((await operator.request(method, path, body)).status).toBe(403)
    const outsider = core.client()
    await outsider.loginStaff(source.ownerEmail)
    expect((await outsider.get(`/api/platform/agencies/${agencyId}/templates`)).status).toBe(404)
    expect(await tenantBySlug('sneaky')).toBeUndefined()
  })

  it('lists the plans and the templates', async () => {
    const plans = (await (await agency.get(`/api/platform/agencies/${agencyId}/plans`)).json()) as {
      items: { id: string; allowedPlugins: string[] }[]
    }
    expect(plans.items.map((p) => p.id)).toEqual(['basic', 'standard'])
    const templates = (await (
      await agency.get(`/api/platform/agencies/${agencyId}/templates?q=source`)
    ).json()) as { items: { id: string; sourceMall: { slug: string } | null }[] }
    expect(templates.items).toMatchObject([{ id: templateId, sourceMall: { slug: 'source' } }])
  })

  it('hands a mall over to its owner and gives up the grant, after which the agency is out', async () => {
    const created = await agency.post(`/api/platform/agencies/${agencyId}/malls`, {
      ...newMall('handed'),
      owner: { email: 'boss@agency.test', name: 'Agency boss' },
    })
    const mall = (await created.json()) as { id: string; handedOver: boolean }
    expect(mall.handedOver).toBe(false)
    const toAgency = await agency.put(`/api/platform/agencies/${agencyId}/malls/${mall.id}/owner`, {
      email: 'boss@agency.test',
      name: 'Agency boss',
    })
    expect(toAgency.status).toBe(422)
    expect(((await toAgency.json()) as Problem).errors?.[0]?.field).toBe('body.email')
    const noPassword = await agency.put(
      `/api/platform/agencies/${agencyId}/malls/${mall.id}/owner`,
      { email: 'new@handed.test', name: 'New' },
    )
    expect(noPassword.status).toBe(422)
    expect(((await noPassword.json()) as Problem).errors?.[0]?.field).toBe('body.password')
    const handed = await agency.put(`/api/platform/agencies/${agencyId}/malls/${mall.id}/owner`, {
      email: 'client@handed.test',
      name: 'Client',
      password: 'client-password-1',
    })
    expect(handed.status).toBe(200)
    expect(await handed.json()).toMatchObject({
      owners: [{ email: 'client@handed.test', name: 'Client' }],
      handedOver: true,
      grant: 'active',
    })
    // The agency boss left as owner but still works in the mall through the grant.
    expect((await agency.get('/s/handed/api/admin/pages')).status).toBe(200)

    // Handed over: the agency cannot move it on to anyone else.
    const again = await agency.put(`/api/platform/agencies/${agencyId}/malls/${mall.id}/owner`, {
      email: 'boss@agency.test',
      name: 'Agency boss',
    })
    expect(again.status).toBe(409)

    const revoked = await agency.delete(`/api/platform/agencies/${agencyId}/malls/${mall.id}/grant`)
    expect(await revoked.json()).toMatchObject({ grant: 'revoked' })
    expect((await agency.get('/s/handed/api/admin/pages')).status).toBe(403)
    expect(
      (
        await agency.post(`/api/platform/agencies/${agencyId}/templates`, {
          tenantId: mall.id,
          name: 'Not ours any more',
        })
      ).status,
    ).toBe(403)
  })
})
