import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'

/** Routes of this module (being built). */
export function catalogStoreRoutes(_services: CoreServices) {
  return createRouter()
}
