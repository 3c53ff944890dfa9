import type { MiddlewareHandler } from 'hono'
import type { CoreServices } from '../services.ts'
import { hostName } from '../tenancy/resolve.ts'
import { MallError } from './errors.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses cross-site state-changing requests, JSON and forms alike (Hono's `csrf()` checks forms
 * only). A browser marks the request with `Sec-Fetch-Site` and/or `Origin`: `same-origin` (or
 * `none`, typed by the user) passes; `same-site` and `cross-site` are refused, because other malls
 * are subdomains of the same site; an `Origin` must be the host the request was sent to or one of
 * the mall's own domains. Requests with neither header come from non-browser clients (CLI,
 * payment webhooks), which carry no ambient cookies to abuse.
 */
export function crossSiteGuard(services: CoreServices): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    if (site === 'same-origin' || site === 'none') return next()
    if (site === 'same-site' || site === 'cross-site') throw refused(origin ?? site)
    if (origin === undefined) return next()
    const originHost = parseHost(origin)
    const requestHost = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase()
    if (originHost && originHost === requestHost) return next()
    const tenant = c.get('tenant')
    if (originHost && tenant) {
      const name = hostName(originHost)
      const domain = await services.db
        .selectFrom('core__tenant_domain')
        .select('host')
        .where('host', '=', name)
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirst()
      if (domain || name === `${tenant.slug}.${services.config.MALLKIT_BASE_DOMAIN}`) return next()
    }
    throw refused(origin)
  }
}

function parseHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return undefined
  }
}

function refused(from: string): MallError {
  return new MallError('cross_site_request', `Requests from ${from} may not change this mall`)
}
