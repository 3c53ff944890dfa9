import { createRoute, z } from '@hono/zod-openapi'
import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import {
  ShippingTemplateInput,
  ShippingTemplateSchema,
  toShippingTemplate,
} from './template-schema.ts'

const Params = z.object({ templateId: z.uuid() })
const tags = ['admin']

const list = createRoute({
  method: 'get',
  path: '/shipping-templates',
  tags,
  summary: "The mall's shipping templates",
  responses: { 200: json(z.object({ items: z.array(ShippingTemplateSchema) })), ...commonErrors },
})
const create = createRoute({
  method: 'post',
  path: '/shipping-templates',
  tags,
  summary: 'Adds a shipping template; the first one becomes the default',
  request: jsonBody(ShippingTemplateInput),
  responses: { 201: json(ShippingTemplateSchema), ...commonErrors },
})
const get = createRoute({
  method: 'get',
  path: '/shipping-templates/{templateId}',
  tags,
  summary: 'One shipping template',
  request: { params: Params },
  responses: { 200: json(ShippingTemplateSchema), ...commonErrors },
})
const replace = createRoute({
  method: 'put',
  path: '/shipping-templates/{templateId}',
  tags,
  summary: 'Replaces a shipping template',
  request: { params: Params, ...jsonBody(ShippingTemplateInput) },
  responses: { 200: json(ShippingTemplateSchema), ...commonErrors },
})
const remove = createRoute({
  method: 'delete',
  path: '/shipping-templates/{templateId}',
  tags,
  summary: 'Deletes a shipping template (orders keep their fee)',
  request: { params: Params },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
})

function values(input: ShippingTemplateInput) {
  return {
    name: input.name,
    basis: input.basis,
    rules: JSON.stringify(input.rules),
    free_threshold: input.freeThreshold,
  }
}

async function clearDefault(ctx: MallContext) {
  await ctx.db
    .updateTable('core__shipping_template')
    .set({ is_default: false })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('is_default', '=', true)
    .execute()
}

function templates(ctx: MallContext) {
  ctx.require('core:settings.manage')
  return ctx.db
    .selectFrom('core__shipping_template')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
}

/** `/api/admin/shipping-templates`: rates by piece or weight per region, one default. */
export function shippingTemplateAdminRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const rows = await c.var.inMall((ctx) => templates(ctx).orderBy('created_at').execute())
      return c.json({ items: rows.map(toShippingTemplate) }, 200)
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        const hasDefault = await templates(ctx).where('is_default', '=', true).executeTakeFirst()
        const isDefault = input.isDefault || !hasDefault
        if (isDefault) await clearDefault(ctx)
        const created = await ctx.db
          .insertInto('core__shipping_template')
          .values({ tenant_id: ctx.tenant.id, is_default: isDefault, ...values(input) })
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.audit('shipping-template.created', `shipping-template:${created.id}`)
        return created
      })
      return c.json(toShippingTemplate(row), 201)
    })
    .openapi(get, async (c) => {
      const { templateId } = c.req.valid('param')
      const row = await c.var.inMall((ctx) =>
        templates(ctx).where('id', '=', templateId).executeTakeFirst(),
      )
      if (!row) throw new MallError('not_found', 'No such shipping template')
      return c.json(toShippingTemplate(row), 200)
    })
    .openapi(replace, async (c) => {
      const { templateId } = c.req.valid('param')
      const input = c.req.valid('json')
      const row = await c.var.inMall(async (ctx) => {
        const found = await templates(ctx).where('id', '=', templateId).executeTakeFirst()
        if (!found) throw new MallError('not_found', 'No such shipping template')
        if (input.isDefault && !found.is_default) await clearDefault(ctx)
        const updated = await ctx.db
          .updateTable('core__shipping_template')
          .set({ ...values(input), is_default: input.isDefault || found.is_default })
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', templateId)
          .returningAll()
          .executeTakeFirstOrThrow()
        await ctx.audit('shipping-template.updated', `shipping-template:${templateId}`)
        return updated
      })
      return c.json(toShippingTemplate(row), 200)
    })
    .openapi(remove, async (c) => {
      const { templateId } = c.req.valid('param')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const gone = await ctx.db
          .deleteFrom('core__shipping_template')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', templateId)
          .returning('id')
          .executeTakeFirst()
        if (!gone) throw new MallError('not_found', 'No such shipping template')
        await ctx.audit('shipping-template.deleted', `shipping-template:${templateId}`)
      })
      return c.body(null, 204)
    })
}
