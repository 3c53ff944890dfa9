import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../../http/openapi.ts'
import { createRouter } from '../../http/router.ts'
import { commerceSettings } from './commerce-settings.ts'

/** A mall's order timing, as the console edits it. */
const OrderSettings = z
  .object({
    unpaidTimeoutMinutes: z.number().int().min(1).max(10_080),
    autoReceiveDays: z.number().int().min(1).max(90),
    completeDays: z.number().int().min(0).max(90),
  })
  .openapi('OrderSettings')

const get = createRoute({
  method: 'get',
  path: '/order-settings',
  tags: ['admin'],
  summary:
    'How long unpaid orders hold stock, when receipt is auto-confirmed, when orders complete',
  responses: { 200: json(OrderSettings), ...commonErrors },
})
const put = createRoute({
  method: 'put',
  path: '/order-settings',
  tags: ['admin'],
  summary: 'Changes the order timing (applies to orders placed or shipped from now on)',
  request: jsonBody(OrderSettings),
  responses: { 200: json(OrderSettings), ...commonErrors },
})

/** `/api/admin/order-settings`: the per-mall timers of the order state machine. */
export function orderSettingsAdminRoutes() {
  return createRouter()
    .openapi(get, async (c) => {
      const settings = await c.var.inMall((ctx) => {
        ctx.require('core:settings.manage')
        return commerceSettings(ctx)
      })
      return c.json(settings, 200)
    })
    .openapi(put, async (c) => {
      const input = c.req.valid('json')
      await c.var.inMall(async (ctx) => {
        ctx.require('core:settings.manage')
        const values = {
          unpaid_timeout_minutes: input.unpaidTimeoutMinutes,
          auto_receive_days: input.autoReceiveDays,
          complete_days: input.completeDays,
          updated_at: ctx.now(),
        }
        await ctx.db
          .insertInto('core__commerce_setting')
          .values({ tenant_id: ctx.tenant.id, ...values })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
          .execute()
        await ctx.audit('order-settings.changed', null, input)
      })
      return c.json(input, 200)
    })
}
