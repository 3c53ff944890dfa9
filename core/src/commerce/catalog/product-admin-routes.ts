import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { storageFor } from '../storage/storage.ts'
import { ProductDetailSchema, ProductPageSchema } from './catalog-schemas.ts'
import { PRODUCT_SORTS } from './list-cursor.ts'
import { ProductInput } from './product-input.ts'
import { listProducts } from './product-list.ts'
import { loadProductDetails } from './product-read.ts'
import { saveProduct, setProductStatus } from './product-write.ts'
import { viewOptions } from './view-options.ts'

const ProductParams = z.object({ productId: z.uuid() })
const conflict = { 409: { description: 'A SKU code is used by another product' } }

const list = createRoute({
  method: 'get',
  path: '/products',
  tags: ['admin'],
  summary:
    'Products of the mall, newest first; `q` matches titles, filters by status, category (with subcategories) and tag',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(300).optional(),
      q: z.string().trim().max(100).optional(),
      status: z.enum(['draft', 'active', 'archived']).optional(),
      categoryId: z.uuid().optional(),
      tag: z.string().trim().min(1).max(40).optional(),
    }),
  },
  responses: { 200: json(ProductPageSchema), ...commonErrors },
})
const get = createRoute({
  method: 'get',
  path: '/products/{productId}',
  tags: ['admin'],
  summary: 'One product with all its SKUs',
  request: { params: ProductParams },
  responses: { 200: json(ProductDetailSchema), ...commonErrors },
})
const create = createRoute({
  method: 'post',
  path: '/products',
  tags: ['admin'],
  summary: 'Creates a product with its spec matrix of SKUs (prices in minor units)',
  request: jsonBody(ProductInput),
  responses: { 201: json(ProductDetailSchema, 'Created'), ...commonErrors, ...conflict },
})
const replace = createRoute({
  method: 'put',
  path: '/products/{productId}',
  tags: ['admin'],
  summary: 'Replaces a product; SKUs are matched by id or spec, omitted stock is left as it is',
  request: { params: ProductParams, ...jsonBody(ProductInput) },
  responses: { 200: json(ProductDetailSchema), ...commonErrors, ...conflict },
})
const archive = createRoute({
  method: 'post',
  path: '/products/{productId}/archive',
  tags: ['admin'],
  summary: 'Archives a product (hidden from the store)',
  request: { params: ProductParams },
  responses: { 200: json(ProductDetailSchema), ...commonErrors },
})

/** `/api/admin/products`: the catalog, for staff with `core:catalog.manage`. */
export function productAdminRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query')
      const page = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        return listProducts(
          ctx.db,
          ctx.tenant.id,
          { ...query, sort: PRODUCT_SORTS[0] },
          viewOptions(c, storage),
        )
      })
      return c.json(page, 200)
    })
    .openapi(get, async (c) => {
      const { productId } = c.req.valid('param')
      const [product] = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        return loadProductDetails(ctx.db, ctx.tenant.id, [productId], viewOptions(c, storage))
      })
      if (!product) throw new MallError('not_found', 'No such product in this mall')
      return c.json(product, 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      const product = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        const id = await saveProduct(ctx, input)
        await ctx.audit('core.product.created', id, { title: input.title })
        return (await loadProductDetails(ctx.db, ctx.tenant.id, [id], viewOptions(c, storage)))[0]
      })
      return c.json(product!, 201)
    })
    .openapi(replace, async (c) => {
      const { productId } = c.req.valid('param')
      const input = c.req.valid('json')
      const product = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        await saveProduct(ctx, input, productId)
        await ctx.audit('core.product.updated', productId, { status: input.status })
        return (
          await loadProductDetails(ctx.db, ctx.tenant.id, [productId], viewOptions(c, storage))
        )[0]
      })
      return c.json(product!, 200)
    })
    .openapi(archive, async (c) => {
      const { productId } = c.req.valid('param')
      const product = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        await setProductStatus(ctx, productId, 'archived')
        await ctx.audit('core.product.archived', productId)
        return (
          await loadProductDetails(ctx.db, ctx.tenant.id, [productId], viewOptions(c, storage))
        )[0]
      })
      return c.json(product!, 200)
    })
}
