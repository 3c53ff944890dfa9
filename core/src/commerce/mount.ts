import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MallEnv } from '../http/env.ts'
import type { CoreServices } from '../services.ts'
import { catalogAdminRoutes } from './catalog/admin-routes.ts'
import { catalogConsoleRoutes } from './catalog/console-routes.ts'
import { catalogStoreRoutes } from './catalog/store-routes.ts'
import { cartStoreRoutes } from './cart/store-routes.ts'
import { orderAdminRoutes } from './orders/admin-routes.ts'
import { orderStoreRoutes } from './orders/store-routes.ts'
import { paymentAdminRoutes } from './payments/admin-routes.ts'
import { paymentPageRoutes } from './payments/page-routes.ts'
import { paymentStoreRoutes } from './payments/store-routes.ts'
import { searchStoreRoutes } from './search/store-routes.ts'
import { shippingAdminRoutes } from './shipping/admin-routes.ts'
import { shippingStoreRoutes } from './shipping/store-routes.ts'
import { mediaFileRoutes } from './storage/file-routes.ts'
import { mediaAdminRoutes } from './storage/media-routes.ts'

/**
 * Mounts the commerce kernel's store and admin APIs. Called after the `/api/store` and
 * `/api/admin` guards are in place, before the storefront's catch-all page route.
 */
export function mountCommerce(app: OpenAPIHono<MallEnv>, services: CoreServices): void {
  app.route('/api/store', catalogStoreRoutes(services))
  app.route('/api/store', searchStoreRoutes(services))
  app.route('/api/store', cartStoreRoutes(services))
  app.route('/api/store', shippingStoreRoutes(services))
  app.route('/api/store', orderStoreRoutes(services))
  app.route('/api/store', paymentStoreRoutes(services))
  app.route('/api/admin', catalogAdminRoutes(services))
  app.route('/api/admin', mediaAdminRoutes(services))
  app.route('/api/admin', catalogConsoleRoutes(services))
  app.route('/api/admin', shippingAdminRoutes(services))
  app.route('/api/admin', orderAdminRoutes(services))
  app.route('/api/admin', paymentAdminRoutes(services))
  // Pages and files of a mall, on its host: media files and the sandbox gateway's pay page.
  app.route('/media', mediaFileRoutes(services))
  app.route('/pay', paymentPageRoutes(services))
}
