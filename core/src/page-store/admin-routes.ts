import { createRoute, z } from '@hono/zod-openapi'
import { PageDocument } from '../page/document.ts'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'
import { blockCatalog } from './block-catalog.ts'
import { enabledPluginIds } from './enabled-plugins.ts'
import { PAGE_PATH } from './renderable-page.ts'
import { pageToolRoutes } from './page-tool-routes.ts'
import { templateDocument } from './page-templates.ts'
import { createPage, loadPage, publishDraft, rollbackPage, saveDraft, toSummary } from './pages.ts'

const Title = z.object({
  'zh-CN': z.string().max(100).optional(),
  en: z.string().max(100).optional(),
})
const Summary = z
  .object({
    id: z.uuid(),
    path: z.string(),
    kind: z.enum(['home', 'custom', 'plugin']),
    title: z.record(z.string(), z.string()),
    publishedVersion: z.number().int().nullable(),
    draftUpdatedAt: z.string(),
    publishAt: z.string().nullable(),
  })
  .openapi('PageSummary')
const Params = z.object({ pageId: z.uuid() })
const Version = z.object({
  version: z.number().int(),
  note: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
})
const Localized = z.object({ en: z.string(), 'zh-CN': z.string() })
const CatalogBlock = z
  .object({
    type: z.string(),
    pluginId: z.string().nullable(),
    label: Localized,
    icon: z.string(),
    category: z.string(),
    slots: z.record(
      z.string(),
      z.object({ label: Localized, allow: z.array(z.string()).readonly().optional() }),
    ),
    placement: z.object({
      allowIn: z.array(z.string()).readonly().optional(),
      maxPerPage: z.number().int().optional(),
    }),
    inspector: z.record(
      z.string(),
      z.object({ widget: z.string().optional(), help: Localized.optional() }),
    ),
    props: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema of the props' }),
    defaults: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('CatalogBlock')

const routes = {
  blocks: createRoute({
    method: 'get',
    path: '/blocks',
    tags: ['admin'],
    summary: 'The block types this mall may place (core and enabled plugins), props as JSON Schema',
    responses: { 200: json(z.object({ items: z.array(CatalogBlock) })), ...commonErrors },
  }),
  list: createRoute({
    method: 'get',
    path: '/pages',
    tags: ['admin'],
    summary: "The mall's pages",
    responses: { 200: json(z.object({ items: z.array(Summary) })), ...commonErrors },
  }),
  create: createRoute({
    method: 'post',
    path: '/pages',
    tags: ['admin'],
    summary: 'Create a page (the home page lives at /), blank or from a saved page template',
    request: jsonBody(
      z.object({
        path: z.string().regex(PAGE_PATH, 'like / or /summer-sale'),
        title: Title.default({}),
        templateId: z.uuid().optional(),
      }),
    ),
    responses: {
      201: json(Summary, 'Created'),
      ...commonErrors,
      409: { description: 'Path taken' },
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/pages/{pageId}',
    tags: ['admin'],
    summary: 'A page with its draft',
    request: { params: Params },
    responses: { 200: json(Summary.extend({ draft: PageDocument })), ...commonErrors },
  }),
  saveDraft: createRoute({
    method: 'put',
    path: '/pages/{pageId}/draft',
    tags: ['admin'],
    summary: 'Save the draft (autosave); block props are checked on publish',
    request: { params: Params, ...jsonBody(z.object({ document: PageDocument })) },
    responses: { 204: { description: 'Saved' }, ...commonErrors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/pages/{pageId}/publish',
    tags: ['admin'],
    summary: 'Publish the draft as a new version; 422 names every invalid block and field',
    request: { params: Params, ...jsonBody(z.object({ note: z.string().max(200).default('') })) },
    responses: { 200: json(z.object({ version: z.number().int() })), ...commonErrors },
  }),
  versions: createRoute({
    method: 'get',
    path: '/pages/{pageId}/versions',
    tags: ['admin'],
    summary: 'Published versions, newest first, with who and when',
    request: { params: Params },
    responses: { 200: json(z.object({ items: z.array(Version) })), ...commonErrors },
  }),
  rollback: createRoute({
    method: 'post',
    path: '/pages/{pageId}/rollback',
    tags: ['admin'],
    summary: 'Publish an earlier version again as the newest',
    request: { params: Params, ...jsonBody(z.object({ version: z.number().int().min(1) })) },
    responses: { 200: json(z.object({ version: z.number().int() })), ...commonErrors },
  }),
}

/** `/api/admin/pages` (drafts, publishing, history and rollback) and the builder's `/blocks`. */
export function pageAdminRoutes(services: CoreServices) {
  return createRouter()
    .openapi(routes.blocks, async (c) => {
      const enabled = await c.var.inMall(async (ctx) => {
        ctx.require('core:pages.manage')
        return enabledPluginIds(ctx)
      })
      return c.json({ items: blockCatalog(services.blocks, enabled) }, 200)
    })
    .openapi(routes.list, async (c) => {
      const rows = await c.var.inMall(async (ctx) => {
        ctx.require('core:pages.manage')
        return ctx.db
          .selectFrom('core__page')
          .selectAll()
          .where('tenant_id', '=', ctx.tenant.id)
          .orderBy('path')
          .execute()
      })
      return c.json({ items: rows.map(toSummary) }, 200)
    })
    .openapi(routes.create, async (c) => {
      const { path, title, templateId } = c.req.valid('json')
      const page = await c.var.inMall(async (ctx) => {
        ctx.require('core:pages.manage')
        const draft = templateId ? await templateDocument(ctx, templateId) : undefined
        return createPage(ctx, {
          path,
          title,
          kind: path === '/' ? 'home' : 'custom',
          ...(draft ? { draft } : {}),
        })
      })
      return c.json(page, 201)
    })
    .openapi(routes.get, async (c) => {
      const { pageId } = c.req.valid('param')
      const page = await c.var.inMall(async (ctx) => {
        ctx.require('core:pages.manage')
        return loadPage(ctx, pageId)
      })
      return c.json(page, 200)
    })
    .openapi(routes.saveDraft, async (c) => {
      const { pageId } = c.req.valid('param')
      const { document } = c.req.valid('json')
      await c.var.inMall((ctx) => saveDraft(ctx, pageId, document))
      return c.body(null, 204)
    })
    .openapi(routes.publish, async (c) => {
      const { pageId } = c.req.valid('param')
      const { note } = c.req.valid('json')
      const version = await c.var.inMall((ctx) => publishDraft(ctx, services.blocks, pageId, note))
      return c.json({ version }, 200)
    })
    .openapi(routes.versions, async (c) => {
      const { pageId } = c.req.valid('param')
      const rows = await c.var.inMall(async (ctx) => {
        ctx.require('core:pages.manage')
        await loadPage(ctx, pageId)
        return ctx.db
          .selectFrom('core__page_version')
          .select(['version', 'note', 'published_by', 'published_at'])
          .where('tenant_id', '=', ctx.tenant.id)
          .where('page_id', '=', pageId)
          .orderBy('version', 'desc')
          .execute()
      })
      return c.json(
        {
          items: rows.map((r) => ({
            version: r.version,
            note: r.note,
            publishedBy: r.published_by,
            publishedAt: r.published_at.toISOString(),
          })),
        },
        200,
      )
    })
    .openapi(routes.rollback, async (c) => {
      const { pageId } = c.req.valid('param')
      const { version } = c.req.valid('json')
      const published = await c.var.inMall((ctx) =>
        rollbackPage(ctx, services.blocks, pageId, version),
      )
      return c.json({ version: published }, 200)
    })
    .route('/', pageToolRoutes())
}
