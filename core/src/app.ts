import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { getPath } from 'hono/utils/url'
import { auditRoutes } from './admin/audit-routes.ts'
import { customerAdminRoutes } from './admin/customer-routes.ts'
import { grantRoutes } from './admin/grant-routes.ts'
import { mallRoutes } from './admin/mall-routes.ts'
import { permissionRoutes } from './admin/permission-routes.ts'
import { segmentRoutes } from './admin/segment-routes.ts'
import { pluginRoutes } from './admin/plugin-routes.ts'
import { staffRoutes } from './admin/staff-routes.ts'
import { mountCommerce } from './commerce/mount.ts'
import type { ConsoleFacet } from './console/facet.ts'
import { pageAdminRoutes } from './page-store/admin-routes.ts'
import { pageStoreRoutes } from './page-store/store-routes.ts'
import { crossSiteGuard } from './http/csrf.ts'
import type { MallEnv } from './http/env.ts'
import { MallError } from './http/errors.ts'
import { problemResponse } from './http/problem.ts'
import { requestContext } from './http/request-context.ts'
import { loadCustomer, requireMallStaff, requireStaffSession } from './http/session-guards.ts'
import { requirePlatformHost, requireTenant, resolveTenantMiddleware } from './http/tenant-guard.ts'
import { agencyRoutes } from './platform/agency-routes.ts'
import { platformAuthRoutes } from './platform/auth-routes.ts'
import { mountPluginRoutes } from './plugins/mount.ts'
import type { CoreServices } from './services.ts'
import { storeAuthRoutes } from './store/auth-routes.ts'
import { STOREFRONT_ASSET_PREFIX, type StorefrontFacet } from './storefront/facet.ts'
import { storeSessionRoutes } from './store/session-route.ts'
import { storefrontPage } from './storefront/page-route.ts'
import { storefrontSeoRoutes } from './storefront/seo-routes.ts'
import {
  consolePlaceholderPage,
  mallSuspendedPage,
  platformPage,
} from './storefront/placeholder-page.ts'
import { healthRoutes } from './system/health-routes.ts'
import { hostName, isPlatformHost, stripPathPrefix } from './tenancy/resolve.ts'
import { CORE_VERSION } from './version.ts'

/** What the app is built with besides the core's services. */
export interface AppOptions {
  /** Renders the malls' pages; without one they show the placeholder page. */
  storefront?: StorefrontFacet | null
  /** Serves the console at `/console/` on the platform host; without one, a placeholder page. */
  console?: ConsoleFacet | null
}

/**
 * The whole HTTP surface of one Mallkit process. Requests to `/s/{slug}/…` on the platform host
 * are routed as if the prefix were absent; the tenant middleware reads the slug from the URL.
 */
export function createApp(services: CoreServices, options: AppOptions = {}): OpenAPIHono<MallEnv> {
  const storefront = options.storefront ?? null
  const consoleApp = options.console ?? null
  const app = new OpenAPIHono<MallEnv>({
    getPath: (request) => {
      const path = getPath(request)
      const host = hostName(request.headers.get('host') ?? new URL(request.url).host)
      return isPlatformHost(host, services.config) ? stripPathPrefix(path) : path
    },
  })

  app.onError((error, c) => {
    const mapped = mapError(error)
    if (mapped.status >= 500) (c.var.log ?? services.log).error({ err: error }, 'unhandled error')
    return problemResponse(c, mapped)
  })
  app.notFound((c) =>
    problemResponse(
      c,
      new MallError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`),
    ),
  )

  app.use('*', requestContext(services.log))
  app.route('/', healthRoutes(services))
  // The storefront's built browser files are the same for every mall: served on any host.
  app.get(`${STOREFRONT_ASSET_PREFIX}*`, async (c) => {
    const path = new URL(c.req.url).pathname
    const asset = storefront
      ? await storefront.asset(path.slice(path.indexOf(STOREFRONT_ASSET_PREFIX)))
      : null
    if (!asset) throw new MallError('not_found', 'No such file')
    return asset
  })
  app.use('*', resolveTenantMiddleware(services))
  app.use('*', crossSiteGuard(services))

  app.use('/api/platform/*', requirePlatformHost)
  app.route('/api/platform', platformAuthRoutes(services))
  app.route('/api/platform', agencyRoutes(services))

  app.use('/api/store/*', requireTenant, loadCustomer(services))
  app.route('/api/store', storeAuthRoutes(services))
  app.route('/api/store', storeSessionRoutes())

  app.use('/api/admin/*', requireTenant, requireStaffSession(services), requireMallStaff(services))
  app.route('/api/admin', mallRoutes(services))
  app.route('/api/admin', pluginRoutes(services))
  app.route('/api/admin', staffRoutes(services))
  app.route('/api/admin', permissionRoutes(services))
  app.route('/api/admin', segmentRoutes(services))
  app.route('/api/admin', grantRoutes(services))
  app.route('/api/admin', auditRoutes(services))
  app.route('/api/admin', customerAdminRoutes(services))

  app.route('/api/admin', pageAdminRoutes(services))
  app.route('/api/store', pageStoreRoutes(services))
  mountCommerce(app, services)
  mountPluginRoutes(app, services)

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mallkit API',
      version: CORE_VERSION,
      description:
        'Store API (`/api/store`), merchant API (`/api/admin`), plugin routes (`/api/{store,admin}/p/{id}`) and the agency console API (`/api/platform`). Mall APIs are served on the mall host or under `/s/{slug}` on the platform host. Errors are RFC 9457 problem documents with a stable `code`.',
    },
  })

  app.route('/', storefrontSeoRoutes(services))
  app.get('*', async (c) => {
    const tenant = c.get('tenant')
    if (!tenant) {
      const path = new URL(c.req.url).pathname
      if (path === '/') return c.html(platformPage())
      if (path === '/console' || path.startsWith('/console/')) {
        if (!consoleApp) return c.html(consolePlaceholderPage())
        if (path === '/console') return c.redirect('/console/', 308)
        const answer = await consoleApp.serve(path)
        if (!answer) throw new MallError('not_found', 'No such file')
        return answer
      }
      throw new MallError('not_found', 'No page here')
    }
    if (tenant.status === 'suspended') return c.html(mallSuspendedPage(tenant), 403)
    return storefrontPage(c, services, storefront)
  })
  return app
}

/**
 * Maps errors from below the API to problems: our own pass through; the validators' (malformed
 * body, a body that is not JSON) are 400 and 415 naming what was wrong; a constraint the database
 * enforces is a 409 or 422 rather than a 500.
 */
function mapError(error: unknown): MallError {
  if (error instanceof MallError) return error
  if (error instanceof HTTPException) {
    // Hono's validators throw 400 only when the body cannot be parsed.
    if (error.status === 400)
      return new MallError('malformed_request', error.message, {
        errors: [{ field: 'body', message: error.message }],
        cause: error,
      })
    if (error.status === 415)
      return new MallError('unsupported_media_type', 'Send the body as application/json', {
        errors: [{ field: 'header.content-type', message: 'not a media type this route takes' }],
        cause: error,
      })
    return new MallError('internal', error.message, { cause: error })
  }
  const code = (error as { code?: unknown } | null)?.code
  if (code === '23505') return new MallError('conflict', 'This already exists', { cause: error })
  // 22021, 22P05: text PostgreSQL cannot store (a NUL character); the router refuses it first.
  if (['23503', '23514', '22P02', '22001', '22021', '22P05'].includes(code as string))
    return new MallError('validation_failed', 'A value is not acceptable here', { cause: error })
  return new MallError('internal', undefined, { cause: error })
}
