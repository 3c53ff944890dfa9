import type { MiddlewareHandler } from 'hono'
import { getPath } from 'hono/utils/url'
import { runInMall } from '../mall-context.ts'
import type { CoreServices } from '../services.ts'
import { hostName, resolveTenant } from '../tenancy/resolve.ts'
import { MallError } from './errors.ts'

/**
 * Resolves the mall of every request (see `resolveTenant`) and binds `c.var.inMall`. An unknown
 * host or slug answers 404 at once, whatever the path.
 */
export function resolveTenantMiddleware(services: CoreServices): MiddlewareHandler {
  return async (c, next) => {
    const resolution = await resolveTenant(
      services,
      hostName(c.req.header('host') ?? new URL(c.req.url).host),
      // The path as requested: the app's router sees it without the `/s/{slug}` prefix.
      getPath(c.req.raw),
    )
    if (resolution.kind === 'unknown') throw new MallError('tenant_not_found', resolution.detail)
    if (resolution.kind === 'tenant') {
      const tenant = resolution.tenant
      c.set('tenant', tenant)
      c.set('tenantVia', resolution.via)
      c.set('inMall', (work) =>
        runInMall(
          services,
          {
            tenant,
            actor: c.get('actor') ?? { kind: 'anonymous' },
            log: c.get('log'),
            requestId: c.get('requestId'),
            ip: c.get('ip'),
          },
          work,
        ),
      )
    }
    await next()
  }
}

/** Mall APIs: 404 without a mall, 403 `tenant_suspended` when the mall is suspended. */
export const requireTenant: MiddlewareHandler = async (c, next) => {
  const tenant = c.get('tenant')
  if (!tenant) throw new MallError('tenant_not_found', 'This API is served on a mall host')
  if (tenant.status === 'suspended')
    throw new MallError('tenant_suspended', `${tenant.name} is suspended`)
  await next()
}

/** Platform APIs live on the platform host only. */
export const requirePlatformHost: MiddlewareHandler = async (c, next) => {
  if (c.get('tenant'))
    throw new MallError('not_found', 'The platform API is not served on a mall host')
  await next()
}
