import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { CategorySchema } from './catalog-schemas.ts'
import {
  categoryTree,
  createCategory,
  deleteCategory,
  reorderCategories,
  updateCategory,
} from './category-service.ts'
import { localizedName } from './localized.ts'

const CategoryInput = z.object({
  name: localizedName(60),
  parentId: z.uuid().nullable().default(null),
})
const CategoryParams = z.object({ categoryId: z.uuid() })
const conflict = { 409: { description: 'The category still has products or subcategories' } }

const tree = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['admin'],
  summary: "The mall's category tree, with product counts",
  responses: { 200: json(z.object({ items: z.array(CategorySchema) })), ...commonErrors },
})
const create = createRoute({
  method: 'post',
  path: '/categories',
  tags: ['admin'],
  summary: 'Creates a category at the end of its parent',
  request: jsonBody(CategoryInput),
  responses: { 201: json(z.object({ id: z.uuid() }), 'Created'), ...commonErrors },
})
const update = createRoute({
  method: 'put',
  path: '/categories/{categoryId}',
  tags: ['admin'],
  summary: 'Renames or moves a category',
  request: { params: CategoryParams, ...jsonBody(CategoryInput) },
  responses: { 204: { description: 'Saved' }, ...commonErrors },
})
const reorder = createRoute({
  method: 'post',
  path: '/categories/reorder',
  tags: ['admin'],
  summary: "Sets the order of a parent's subcategories",
  request: jsonBody(
    z.object({ parentId: z.uuid().nullable().default(null), ids: z.array(z.uuid()).max(500) }),
  ),
  responses: { 204: { description: 'Saved' }, ...commonErrors },
})
const remove = createRoute({
  method: 'delete',
  path: '/categories/{categoryId}',
  tags: ['admin'],
  summary: 'Deletes an empty category',
  request: { params: CategoryParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors, ...conflict },
})

/** `/api/admin/categories`: the category tree, for staff with `core:catalog.manage`. */
export function categoryAdminRoutes() {
  return createRouter()
    .openapi(tree, async (c) => {
      const items = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        return categoryTree(ctx)
      })
      return c.json({ items }, 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      const id = await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        const created = await createCategory(ctx, input)
        await ctx.audit('core.category.created', created, { name: input.name })
        return created
      })
      return c.json({ id }, 201)
    })
    .openapi(reorder, async (c) => {
      const { parentId, ids } = c.req.valid('json')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        await reorderCategories(ctx, parentId, ids)
        await ctx.audit('core.category.reordered', parentId, { ids })
      })
      return c.body(null, 204)
    })
    .openapi(update, async (c) => {
      const { categoryId } = c.req.valid('param')
      const input = c.req.valid('json')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        await updateCategory(ctx, categoryId, input)
        await ctx.audit('core.category.updated', categoryId, input)
      })
      return c.body(null, 204)
    })
    .openapi(remove, async (c) => {
      const { categoryId } = c.req.valid('param')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:catalog.manage')
        await deleteCategory(ctx, categoryId)
        await ctx.audit('core.category.deleted', categoryId)
      })
      return c.body(null, 204)
    })
}
