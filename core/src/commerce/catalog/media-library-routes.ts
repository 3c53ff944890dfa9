import { createRoute, z } from '@hono/zod-openapi'
import { escapeLike } from '../../db/sql-helpers.ts'
import {
  afterCursor,
  commonErrors,
  cursorTime,
  decodeCursor,
  json,
  keysetPage,
  PageQuery,
} from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { toMediaView } from '../storage/media-service.ts'
import { MediaSchema } from '../storage/media-routes.ts'
import { mediaBase } from '../storage/media-url.ts'
import { storageFor } from '../storage/storage.ts'

const list = createRoute({
  method: 'get',
  path: '/media',
  tags: ['admin'],
  summary: "The mall's media library, newest first; `q` matches the alt text",
  request: { query: PageQuery },
  responses: {
    200: json(z.object({ items: z.array(MediaSchema), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

/**
 * `GET /api/admin/media`: the images uploaded to the mall, for pickers that reuse one. Lives with
 * the catalog because images are the catalog's; uploads stay in `storage/media-routes.ts`.
 */
export function mediaLibraryRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter().openapi(list, async (c) => {
    const { limit, cursor, q } = c.req.valid('query')
    const after = decodeCursor(cursor)
    const rows = await c.var.inMall(async (ctx) => {
      ctx.require('core:catalog.manage')
      let query = ctx.db
        .selectFrom('core__media')
        .select(['id', 'storage_key', 'content_type', 'width', 'height', 'variants', 'alt'])
        .select(cursorTime('created_at').as('cursor_at'))
        .where('tenant_id', '=', ctx.tenant.id)
      if (q) query = query.where('alt', 'ilike', `%${escapeLike(q)}%`)
      if (after) query = query.where(afterCursor('created_at', after))
      return query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
    })
    const { page, nextCursor } = keysetPage(rows, limit)
    const base = mediaBase(c)
    return c.json({ items: page.map((row) => toMediaView(row, storage, base)), nextCursor }, 200)
  })
}
