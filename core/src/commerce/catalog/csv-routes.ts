import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { validationError } from '../../http/errors.ts'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { storageFor } from '../storage/storage.ts'
import { exportProductsCsv } from './csv-export.ts'
import { importProductsCsv } from './csv-import.ts'
import { viewOptions } from './view-options.ts'

const MAX_CSV_BYTES = 20 * 1024 * 1024

const exportCsv = createRoute({
  method: 'get',
  path: '/products/export',
  tags: ['admin'],
  summary: 'All products as CSV (UTF-8 with BOM), one row per SKU, money as decimals',
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...commonErrors,
  },
})
const importCsv = createRoute({
  method: 'post',
  path: '/products/import',
  tags: ['admin'],
  summary:
    'Creates and updates products from CSV (the export format), all or nothing; bad cells are listed by line and column',
  middleware: [
    bodyLimit({
      maxSize: MAX_CSV_BYTES,
      onError: () => {
        throw validationError([{ field: 'body', message: 'the CSV is larger than 20 MB' }])
      },
    }),
  ] as const,
  request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
  responses: {
    200: json(
      z.object({
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
      }),
    ),
    ...commonErrors,
  },
})

/** `/api/admin/products/export` and `/import`: the catalog as a spreadsheet, for merchants moving in. */
export function csvRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter()
    .openapi(exportCsv, async (c) => {
      const csv = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        return exportProductsCsv(ctx.db, ctx.tenant.id, viewOptions(c, storage))
      })
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="products-${c.var.tenant.slug}.csv"`,
      })
    })
    .openapi(importCsv, async (c) => {
      const text = await c.req.text()
      const result = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        const done = await importProductsCsv(ctx, text, viewOptions(c, storage))
        await ctx.audit('core.product.imported', null, { ...done })
        return done
      })
      return c.json(result, 200)
    })
}
