import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'

/** Routes of this module (being built). */
export function orderAdminRoutes(_services: CoreServices) {
  return createRouter()
}
