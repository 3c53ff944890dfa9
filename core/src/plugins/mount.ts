import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { withTenant } from '../db/tenant-scope.ts'
import type { MallEnv } from '../http/env.ts'
import { MallError } from '../http/errors.ts'
import type { CoreServices } from '../services.ts'

/** 404 unless the plugin is enabled for the request's mall (checked per request: no restart). */
function requireEnabled(services: CoreServices, pluginId: string): MiddlewareHandler {
  return async (c, next) => {
    const tenant = c.var.tenant
    const install = await withTenant(services.db, tenant.id, (tx) =>
      tx
        .selectFrom('core__plugin_install')
        .select('enabled')
        .where('tenant_id', '=', tenant.id)
        .where('plugin_id', '=', pluginId)
        .executeTakeFirst(),
    )
    if (!install?.enabled)
      throw new MallError(
        'plugin_disabled',
        `No route for ${c.req.method} ${new URL(c.req.url).pathname}`,
      )
    await next()
  }
}

/**
 * Mounts every plugin's routers at `/api/store/p/<id>` and `/api/admin/p/<id>`, behind the mall,
 * session and enabled guards. Their routes join the OpenAPI document.
 */
export function mountPluginRoutes(app: OpenAPIHono<MallEnv>, services: CoreServices): void {
  for (const plugin of services.plugins.plugins) {
    const id = plugin.manifest.id
    if (plugin.store) {
      app.use(`/api/store/p/${id}/*`, requireEnabled(services, id))
      app.route(`/api/store/p/${id}`, plugin.store)
    }
    if (plugin.admin) {
      app.use(`/api/admin/p/${id}/*`, requireEnabled(services, id))
      app.route(`/api/admin/p/${id}`, plugin.admin)
    }
  }
}
