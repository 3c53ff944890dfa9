import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { cancelSchedule, schedulePublish } from './page-schedule.ts'
import { deleteTemplate, listTemplates, saveTemplate } from './page-templates.ts'
import { createPreview, deletePage, versionDiff } from './page-tools.ts'

const Params = z.object({ pageId: z.uuid() })
const Localized = z.record(z.string(), z.string())
const Template = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: Localized,
    blockCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('PageTemplate')
const DiffBlock = z.object({ id: z.string(), type: z.string() })
const Diff = z
  .object({
    version: z.number().int(),
    against: z.number().int().nullable(),
    diff: z.object({
      added: z.array(DiffBlock),
      removed: z.array(DiffBlock),
      changed: z.array(DiffBlock),
      moved: z.array(DiffBlock),
      rootChanged: z.boolean(),
    }),
  })
  .openapi('PageVersionDiff')

const routes = {
  remove: createRoute({
    method: 'delete',
    path: '/pages/{pageId}',
    tags: ['admin'],
    summary: 'Delete a custom page with its versions (the home page and plugin pages stay)',
    request: { params: Params },
    responses: { 204: { description: 'Deleted' }, ...commonErrors, 409: { description: 'Kept' } },
  }),
  preview: createRoute({
    method: 'post',
    path: '/pages/{pageId}/preview',
    tags: ['admin'],
    summary:
      'A preview link token for the draft: shown once, valid for an hour; `?mk_preview=` on the page',
    request: { params: Params },
    responses: {
      201: json(z.object({ token: z.string(), path: z.string(), expiresAt: z.string() })),
      ...commonErrors,
    },
  }),
  schedule: createRoute({
    method: 'put',
    path: '/pages/{pageId}/schedule',
    tags: ['admin'],
    summary: 'Publish the draft at a future time (a job publishes it then)',
    request: { params: Params, ...jsonBody(z.object({ at: z.iso.datetime({ offset: true }) })) },
    responses: { 204: { description: 'Scheduled' }, ...commonErrors },
  }),
  unschedule: createRoute({
    method: 'delete',
    path: '/pages/{pageId}/schedule',
    tags: ['admin'],
    summary: "Cancel the page's scheduled publish",
    request: { params: Params },
    responses: { 204: { description: 'Cancelled' }, ...commonErrors },
  }),
  diff: createRoute({
    method: 'get',
    path: '/pages/{pageId}/versions/{version}/diff',
    tags: ['admin'],
    summary: 'Blocks added, removed, changed and moved in a version (against the one before)',
    request: {
      params: Params.extend({ version: z.coerce.number().int().min(1) }),
      query: z.object({ against: z.coerce.number().int().min(0).optional() }),
    },
    responses: { 200: json(Diff), ...commonErrors },
  }),
  templates: createRoute({
    method: 'get',
    path: '/page-templates',
    tags: ['admin'],
    summary: "The mall's saved page templates, newest first",
    responses: { 200: json(z.object({ items: z.array(Template) })), ...commonErrors },
  }),
  saveTemplate: createRoute({
    method: 'post',
    path: '/pages/{pageId}/template',
    tags: ['admin'],
    summary: "Save the page's draft as a template new pages can start from",
    request: {
      params: Params,
      ...jsonBody(z.object({ name: z.string().trim().min(1).max(100) })),
    },
    responses: {
      201: json(Template, 'Saved'),
      ...commonErrors,
      409: { description: 'Name taken' },
    },
  }),
  deleteTemplate: createRoute({
    method: 'delete',
    path: '/page-templates/{templateId}',
    tags: ['admin'],
    summary: 'Delete a page template (pages made from it keep their content)',
    request: { params: z.object({ templateId: z.uuid() }) },
    responses: { 204: { description: 'Deleted' }, ...commonErrors },
  }),
}

/**
 * The page manager's tools under `/api/admin`: delete, preview links, scheduled publish (its job
 * is registered at boot), version diffs and page templates.
 */
export function pageToolRoutes() {
  return createRouter()
    .openapi(routes.remove, async (c) => {
      const { pageId } = c.req.valid('param')
      await c.var.inMall((ctx) => deletePage(ctx, pageId))
      return c.body(null, 204)
    })
    .openapi(routes.preview, async (c) => {
      const { pageId } = c.req.valid('param')
      const made = await c.var.inMall((ctx) => createPreview(ctx, pageId))
      c.header('Cache-Control', 'no-store')
      return c.json({ ...made, expiresAt: made.expiresAt.toISOString() }, 201)
    })
    .openapi(routes.schedule, async (c) => {
      const { pageId } = c.req.valid('param')
      const { at } = c.req.valid('json')
      await c.var.inMall((ctx) => schedulePublish(ctx, pageId, new Date(at)))
      return c.body(null, 204)
    })
    .openapi(routes.unschedule, async (c) => {
      const { pageId } = c.req.valid('param')
      await c.var.inMall((ctx) => cancelSchedule(ctx, pageId))
      return c.body(null, 204)
    })
    .openapi(routes.diff, async (c) => {
      const { pageId, version } = c.req.valid('param')
      const { against } = c.req.valid('query')
      const diff = await c.var.inMall((ctx) => versionDiff(ctx, pageId, version, against))
      return c.json(diff, 200)
    })
    .openapi(routes.templates, async (c) => {
      const items = await c.var.inMall((ctx) => listTemplates(ctx))
      return c.json({ items }, 200)
    })
    .openapi(routes.saveTemplate, async (c) => {
      const { pageId } = c.req.valid('param')
      const { name } = c.req.valid('json')
      const template = await c.var.inMall((ctx) => saveTemplate(ctx, pageId, name))
      return c.json(template, 201)
    })
    .openapi(routes.deleteTemplate, async (c) => {
      const { templateId } = c.req.valid('param')
      await c.var.inMall((ctx) => deleteTemplate(ctx, templateId))
      return c.body(null, 204)
    })
}
