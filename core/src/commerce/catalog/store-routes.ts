import { createRoute, z } from '@hono/zod-openapi'
import { MallError } from '../../http/errors.ts'
import { json } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { storageFor } from '../storage/storage.ts'
import { sharedJson, sortedQuery } from '../../storefront/shared-answer.ts'
import { CategorySchema, ProductDetailSchema, ProductPageSchema } from './catalog-schemas.ts'
import { categoryTree } from './category-service.ts'
import { PRODUCT_SORTS } from './list-cursor.ts'
import { listProducts } from './product-list.ts'
import { loadProductDetails } from './product-read.ts'
import { viewOptions } from './view-options.ts'

const problems = {
  404: { description: 'Not found' },
  422: { description: 'Invalid fields, named in `errors`' },
}

const categories = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['store'],
  summary: "The mall's category tree",
  responses: { 200: json(z.object({ items: z.array(CategorySchema) })) },
})
const products = createRoute({
  method: 'get',
  path: '/products',
  tags: ['store'],
  summary:
    'Active products, by category (with subcategories) and tag, newest, by price or by sales',
  request: {
    query: z.object({
      categoryId: z.uuid().optional(),
      tag: z.string().trim().min(1).max(40).optional(),
      sort: z.enum(PRODUCT_SORTS).default('newest'),
      limit: z.coerce.number().int().min(1).max(48).default(24),
      cursor: z.string().max(300).optional(),
    }),
  },
  responses: { 200: json(ProductPageSchema), ...problems },
})
const product = createRoute({
  method: 'get',
  path: '/products/{productId}',
  tags: ['store'],
  summary:
    'An active product with its SKUs (price, compare-at price, stock), spec options, images and after-sales flags',
  request: { params: z.object({ productId: z.uuid() }) },
  responses: { 200: json(ProductDetailSchema), ...problems },
})

/**
 * `/api/store/categories` and `/api/store/products`: what a shopper browses; active products only.
 * The answers are the same for every shopper of a mall, so they are shared answers: cached per
 * process until the mall's catalog changes (`storefront/shared-answer.ts`).
 */
export function catalogStoreRoutes(services: CoreServices) {
  const storage = storageFor(services.config)
  return createRouter()
    .openapi(categories, (c) =>
      sharedJson(c, services, 'categories', async () => ({
        items: await c.var.inMall((ctx) => categoryTree(ctx, { activeOnly: true })),
      })),
    )
    .openapi(products, (c) => {
      const query = c.req.valid('query')
      return sharedJson(
        c,
        services,
        `products?${sortedQuery(new URL(c.req.url).searchParams)}`,
        () =>
          c.var.inMall((ctx) =>
            listProducts(
              ctx.db,
              ctx.tenant.id,
              { ...query, status: 'active' },
              viewOptions(c, storage),
            ),
          ),
      )
    })
    .openapi(product, (c) => {
      const { productId } = c.req.valid('param')
      return sharedJson(c, services, `product ${productId}`, async () => {
        const [found] = await c.var.inMall((ctx) =>
          loadProductDetails(ctx.db, ctx.tenant.id, [productId], viewOptions(c, storage), {
            status: 'active',
          }),
        )
        if (!found) throw new MallError('not_found', 'No such product')
        return found
      })
    })
}
