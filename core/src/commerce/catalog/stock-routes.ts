import { createRoute, z } from '@hono/zod-openapi'
import { MallError, validationError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { SkuSchema } from './catalog-schemas.ts'
import { MAX_STOCK } from './product-input.ts'
import { toSkuView } from './product-read.ts'

const adjust = createRoute({
  method: 'patch',
  path: '/skus/{skuId}/stock',
  tags: ['admin'],
  summary: 'Sets (`set`) or moves (`delta`) the stock of one SKU; it never goes below 0 (409)',
  request: {
    params: z.object({ skuId: z.uuid() }),
    ...jsonBody(
      z
        .object({
          set: z.number().int().min(0).max(MAX_STOCK).optional(),
          delta: z.number().int().min(-MAX_STOCK).max(MAX_STOCK).optional(),
          reason: z.string().trim().max(200).optional(),
        })
        .refine((v) => (v.set === undefined) !== (v.delta === undefined), {
          message: 'give either set or delta',
        }),
    ),
  },
  responses: {
    200: json(SkuSchema),
    409: { description: 'The stock would go below 0' },
    ...commonErrors,
  },
})

/** `/api/admin/skus/{skuId}/stock`: inventory corrections, locked and audited. */
export function stockRoutes() {
  return createRouter().openapi(adjust, async (c) => {
    const { skuId } = c.req.valid('param')
    const body = c.req.valid('json')
    const sku = await c.var.inMall(async (ctx) => {
      ctx.require('core:catalog.manage')
      // The row lock orders this against checkouts reserving the same SKU.
      const current = await ctx.db
        .selectFrom('core__sku')
        .select(['id', 'stock'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', skuId)
        .forUpdate()
        .executeTakeFirst()
      if (!current) throw new MallError('not_found', 'No such SKU in this mall')
      const next = body.set ?? current.stock + (body.delta ?? 0)
      if (next < 0)
        throw new MallError(
          'conflict',
          `Only ${current.stock} in stock; the stock cannot go below 0`,
          {
            errors: [{ field: 'body.delta', message: `at least ${-current.stock}` }],
          },
        )
      if (next > MAX_STOCK)
        throw validationError([
          { field: 'body.delta', message: `the stock may be at most ${MAX_STOCK}` },
        ])
      const row = await ctx.db
        .updateTable('core__sku')
        .set({ stock: next })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', skuId)
        .returningAll()
        .executeTakeFirstOrThrow()
      await ctx.audit('core.sku.stock-adjusted', skuId, {
        from: current.stock,
        to: next,
        reason: body.reason ?? null,
      })
      return row
    })
    return c.json(toSkuView(sku), 200)
  })
}
