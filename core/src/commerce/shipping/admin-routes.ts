import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { pickupPointAdminRoutes } from './pickup-routes.ts'
import { shippingTemplateAdminRoutes } from './template-routes.ts'

/** `/api/admin`: shipping templates and pickup points. */
export function shippingAdminRoutes(_services: CoreServices) {
  return createRouter()
    .route('/', shippingTemplateAdminRoutes())
    .route('/', pickupPointAdminRoutes())
}
