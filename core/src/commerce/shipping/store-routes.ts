import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { addressStoreRoutes } from './address-routes.ts'
import { pickupPointStoreRoutes } from './pickup-routes.ts'

/** `/api/store`: the customer's address book and the mall's pickup points. */
export function shippingStoreRoutes(_services: CoreServices) {
  return createRouter().route('/', addressStoreRoutes()).route('/', pickupPointStoreRoutes())
}
