import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../http/errors.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { PageDocument } from '../page/document.ts'
import { renderableBlocks } from '../page/validate.ts'
import type { CoreServices } from '../services.ts'
import { publishedPageAt } from './pages.ts'

const route = createRoute({
  method: 'get',
  path: '/pages',
  tags: ['store'],
  summary:
    'The published page at `path`, with blocks of plugins that are off (and unknown blocks) left out',
  request: {
    query: z.object({
      path: z
        .string()
        .regex(/^\/([a-z0-9][a-z0-9/-]{0,120})?$/)
        .default('/'),
    }),
  },
  responses: {
    200: json(
      z.object({
        id: z.uuid(),
        path: z.string(),
        version: z.number().int(),
        document: PageDocument,
      }),
    ),
    ...commonErrors,
  },
})

/** `/api/store/pages?path=/`: what the storefront renders. */
export function pageStoreRoutes(services: CoreServices) {
  return createRouter().openapi(route, async (c) => {
    const { path } = c.req.valid('query')
    const page = await c.var.inMall(async (ctx) => {
      const published = await publishedPageAt(ctx, path)
      if (!published) return null
      const installs = await ctx.db
        .selectFrom('core__plugin_install')
        .select('plugin_id')
        .where('tenant_id', '=', ctx.tenant.id)
        .where('enabled', '=', true)
        .execute()
      const enabled = new Set(installs.map((row) => row.plugin_id))
      const blocks = renderableBlocks(
        published.document.blocks,
        services.blocks,
        (pluginId) => enabled.has(pluginId),
        (block, reason) =>
          ctx.log.warn({ block: block.id, type: block.type, reason }, 'block skipped'),
      )
      return { ...published, document: { ...published.document, blocks } }
    })
    if (!page) throw new MallError('not_found', `No page is published at ${path}`)
    return c.json(page, 200)
  })
}
