import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { escapeLike } from '../../db/sql-helpers.ts'
import { validationError } from '../../http/errors.ts'
import { commonErrors, json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { labelOf, LocalizedSchema } from './localized.ts'
import { MAX_STOCK } from './product-input.ts'
import { RETIRED_POSITION } from './sku-write.ts'

/** A SKU as the inventory screen lists it: its product, spec, code, stock and price. */
export const InventoryItemSchema = z
  .object({
    skuId: z.uuid(),
    productId: z.uuid(),
    productTitle: LocalizedSchema,
    productStatus: z.enum(['draft', 'active', 'archived']),
    spec: z.record(z.string(), z.string()),
    /** The product's spec names in its order (`spec` keys come back in the database's order). */
    specNames: z.array(z.string()),
    code: z.string().nullable(),
    price: z.number().int(),
    stock: z.number().int(),
    status: z.enum(['active', 'disabled']),
  })
  .openapi('InventoryItem')

const list = createRoute({
  method: 'get',
  path: '/inventory',
  tags: ['admin'],
  summary:
    "The mall's SKUs by stock, lowest first; `q` matches product titles and SKU codes, `lowStock` keeps SKUs with at most that many in stock",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(200).optional(),
      q: z.string().trim().max(100).optional(),
      lowStock: z.coerce.number().int().min(0).max(MAX_STOCK).optional(),
      productId: z.uuid().optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(InventoryItemSchema), nextCursor: z.string().nullable() })),
    ...commonErrors,
  },
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Keyset position (stock, id) after the last row of a page. */
const encodeCursor = (stock: number, id: string) =>
  Buffer.from(JSON.stringify([stock, id])).toString('base64url')

function decodeCursor(text: string | undefined): { stock: number; id: string } | undefined {
  if (!text) return undefined
  try {
    const [stock, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (!Number.isInteger(stock) || (stock as number) < 0 || (stock as number) > MAX_STOCK)
      throw new Error('bad cursor')
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('bad cursor')
    return { stock: stock as number, id }
  } catch {
    throw validationError([{ field: 'query.cursor', message: 'not a cursor this API returned' }])
  }
}

/**
 * `GET /api/admin/inventory`: every SKU still in a product's spec matrix (retired ones, kept only
 * for old orders, are left out), lowest stock first so what needs restocking leads. Stock itself is
 * changed through `PATCH /api/admin/skus/{skuId}/stock`.
 */
export function inventoryRoutes() {
  return createRouter().openapi(list, async (c) => {
    const { limit, q, lowStock, productId, cursor } = c.req.valid('query')
    const after = decodeCursor(cursor)
    const rows = await c.var.inMall(async (ctx) => {
      ctx.require('core:catalog.manage')
      let query = ctx.db
        .selectFrom('core__sku as s')
        .innerJoin('core__product as p', (join) =>
          join.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.product_id'),
        )
        .select([
          's.id',
          's.product_id',
          's.spec',
          's.code',
          's.price',
          's.stock',
          's.status',
          'p.title',
          'p.spec_options',
          'p.status as product_status',
        ])
        .where('s.tenant_id', '=', ctx.tenant.id)
        .where('s.position', '<', RETIRED_POSITION)
      if (lowStock !== undefined) query = query.where('s.stock', '<=', lowStock)
      if (productId) query = query.where('s.product_id', '=', productId)
      if (q) {
        const pattern = `%${escapeLike(q)}%`
        query = query.where(
          sql<boolean>`(p.title->>'zh-CN' ilike ${pattern} or p.title->>'en' ilike ${pattern} or s.code ilike ${pattern})`,
        )
      }
      if (after)
        query = query.where(
          sql<boolean>`(s.stock, s.id) > (${after.stock}::int, ${after.id}::uuid)`,
        )
      return query
        .orderBy('s.stock', 'asc')
        .orderBy('s.id', 'asc')
        .limit(limit + 1)
        .execute()
    })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return c.json(
      {
        items: page.map((r) => ({
          skuId: r.id,
          productId: r.product_id,
          productTitle: r.title,
          productStatus: r.product_status,
          spec: r.spec,
          specNames: r.spec_options.map((option) => labelOf(option.name)),
          code: r.code,
          price: r.price,
          stock: r.stock,
          status: r.status,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor(last.stock, last.id) : null,
      },
      200,
    )
  })
}
