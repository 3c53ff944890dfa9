import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'

const Localized = z.object({ en: z.string(), 'zh-CN': z.string() })

const Segment = z
  .object({
    /** `membership:tier:gold`: permanent, what an audience stores. */
    id: z.string(),
    label: Localized,
    /** The plugin defining it. */
    pluginId: z.string(),
  })
  .openapi('CustomerSegment')

const list = createRoute({
  method: 'get',
  path: '/segments',
  tags: ['admin'],
  summary: "The customer segments of the mall's enabled plugins (membership tiers…), for audiences",
  responses: { 200: json(z.object({ items: z.array(Segment) })), ...commonErrors },
})

/** `/api/admin/segments`: what a coupon (or any audience) can target, from `ctx.segments`. */
export function segmentRoutes(_services: CoreServices) {
  return createRouter().openapi(list, async (c) => {
    const items = await c.var.inMall((ctx) => ctx.segments.list())
    return c.json({ items }, 200)
  })
}
