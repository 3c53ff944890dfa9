import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { MallContext } from '../context.ts'
import { withTenant } from '../db/tenant-scope.ts'
import type { MallEnv } from '../http/env.ts'
import { MallError } from '../http/errors.ts'
import { problemResponse } from '../http/problem.ts'
import type { CoreServices } from '../services.ts'
import { pluginPricing } from '../commerce/pricing/plugin-pricing.ts'
import { readThroughFor } from '../storefront/read-through.ts'
import { sharedJson } from '../storefront/shared-answer.ts'
import './route-tools.ts'

const disabled = (c: Parameters<MiddlewareHandler>[0]) =>
  new MallError('plugin_disabled', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)

async function enabledIn(db: MallContext['db'], tenantId: string, pluginId: string) {
  const install = await db
    .selectFrom('core__plugin_install')
    .select('enabled')
    .where('tenant_id', '=', tenantId)
    .where('plugin_id', '=', pluginId)
    .executeTakeFirst()
  return install?.enabled ?? false
}

/**
 * 404 unless the plugin is enabled for the request's mall (checked per request: no restart).
 *
 * The check rides in the route's own transaction: `c.var.inMall` is wrapped so its first query
 * asks whether the plugin is on, and throws `plugin_disabled` (rolling back) when it is not. A
 * route that never opened a transaction (refused by validation, or answering from memory) is
 * checked afterwards, through the mall's content cache (which any change to the install row
 * clears), and its answer replaced by the 404 when the plugin is off. So a plugin request costs at
 * most one transaction, and a disabled plugin answers only 404s.
 * Plugin routes therefore do their database work through `c.var.inMall`.
 *
 * `c.var.pricing` lets the routes preview checkout pricing.
 */
function pluginGuard(services: CoreServices, pluginId: string): MiddlewareHandler {
  const pricing = pluginPricing(services.plugins)
  return async (c, next) => {
    c.set('pricing', pricing)
    c.set('sharedJson', (key, load) => sharedJson(c, services, `plugin ${pluginId} ${key}`, load))
    const tenant = c.var.tenant
    const inMall = c.var.inMall
    let enabled: boolean | undefined
    c.set('inMall', (work) =>
      inMall(async (ctx) => {
        enabled = await enabledIn(ctx.db, tenant.id, pluginId)
        if (!enabled) throw disabled(c)
        return work(ctx)
      }),
    )
    await next()
    enabled ??= await readThroughFor(services, tenant.id)(`plugin-enabled ${pluginId}`, () =>
      withTenant(services.db, tenant.id, (tx) => enabledIn(tx, tenant.id, pluginId)),
    )
    if (!enabled) c.res = problemResponse(c, disabled(c))
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
      app.use(`/api/store/p/${id}/*`, pluginGuard(services, id))
      app.route(`/api/store/p/${id}`, plugin.store)
    }
    if (plugin.admin) {
      app.use(`/api/admin/p/${id}/*`, pluginGuard(services, id))
      app.route(`/api/admin/p/${id}`, plugin.admin)
    }
  }
}
