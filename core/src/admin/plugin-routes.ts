import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, json, jsonBody } from '../http/openapi.ts'
import { createRouter } from '../http/router.ts'
import { listPluginStates, setPluginState } from '../plugins/installs.ts'
import type { CoreServices } from '../services.ts'

const Localized = z.object({ en: z.string(), 'zh-CN': z.string() })
const PluginState = z
  .object({
    id: z.string(),
    version: z.string(),
    name: Localized,
    description: Localized.nullable(),
    icon: z.string().nullable(),
    dependsOn: z.array(z.string()),
    allowed: z.boolean(),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    settingsSchema: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The settings as JSON Schema, to build a form from' }),
  })
  .openapi('PluginState')

const list = createRoute({
  method: 'get',
  path: '/plugins',
  tags: ['admin'],
  summary: 'Installed plugins: allowed by plan, on or off, settings',
  responses: { 200: json(z.object({ items: z.array(PluginState) })), ...commonErrors },
})

const put = createRoute({
  method: 'put',
  path: '/plugins/{pluginId}',
  tags: ['admin'],
  summary: 'Turn a plugin on or off and save its settings (validated by its schema)',
  request: {
    params: z.object({ pluginId: z.string().min(1).max(64) }),
    ...jsonBody(
      z.object({ enabled: z.boolean(), settings: z.record(z.string(), z.unknown()).optional() }),
    ),
  },
  responses: {
    200: json(PluginState),
    ...commonErrors,
    409: { description: 'A dependency is off, or an enabled plugin depends on this one' },
  },
})

/** `/api/admin/plugins`: the plugin centre's API. */
export function pluginRoutes(services: CoreServices) {
  return createRouter()
    .openapi(list, async (c) => {
      const items = await c.var.inMall((ctx) => listPluginStates(ctx, services.plugins))
      return c.json({ items }, 200)
    })
    .openapi(put, async (c) => {
      const { pluginId } = c.req.valid('param')
      const body = c.req.valid('json')
      const state = await c.var.inMall((ctx) =>
        setPluginState(ctx, services.plugins, pluginId, body),
      )
      return c.json(state, 200)
    })
}
