import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../http/errors.ts'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { PageDocument } from '../page/document.ts'
import type { CoreServices } from '../services.ts'
import { previewDraft } from './page-tools.ts'
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

const preview = createRoute({
  method: 'get',
  path: '/pages/preview',
  tags: ['store'],
  summary: "A page's draft, for whoever holds a preview link's token (never cached)",
  request: { query: z.object({ token: z.string().min(16).max(100) }) },
  responses: {
    200: json(
      z.object({
        id: z.uuid(),
        path: z.string(),
        expiresAt: z.string(),
        document: PageDocument,
      }),
    ),
    ...commonErrors,
  },
})

/** `/api/store/pages?path=/`: what the storefront renders; `/pages/preview`: a shared draft. */
export function pageStoreRoutes(services: CoreServices) {
  return createRouter()
    .openapi(route, async (c) => {
      const { path } = c.req.valid('query')
      const page = await c.var.inMall((ctx) => renderablePageAt(ctx, services.blocks, path))
      if (!page) throw new MallError('not_found', `No page is published at ${path}`)
      return c.json(page, 200)
    })
    .openapi(preview, async (c) => {
      const { token } = c.req.valid('query')
      const page = await c.var.inMall((ctx) => previewDraft(ctx, services.blocks, token))
      // A draft is for the link's holder only: no shared cache keeps it, no search engine lists it.
      c.header('Cache-Control', 'no-store')
      c.header('X-Robots-Tag', 'noindex')
      if (!page) throw new MallError('not_found', 'This preview link is unknown or has expired')
      return c.json({ ...page, expiresAt: page.expiresAt.toISOString() }, 200)
    })
}
