import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../http/errors.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { PageDocument } from '../page/document.ts'
import type { CoreServices } from '../services.ts'
import { PAGE_PATH, renderablePageAt } from './renderable-page.ts'

const route = createRoute({
  method: 'get',
  path: '/pages',
  tags: ['store'],
  summary:
    'The published page at `path`, with blocks of plugins that are off (and unknown blocks) left out',
  request: {
    query: z.object({
      path: z.string().regex(PAGE_PATH).default('/'),
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
    const page = await c.var.inMall((ctx) => renderablePageAt(ctx, services.blocks, path))
    if (!page) throw new MallError('not_found', `No page is published at ${path}`)
    return c.json(page, 200)
  })
}
