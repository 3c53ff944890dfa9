import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { inventoryRoutes } from './inventory-routes.ts'
import { mediaLibraryRoutes } from './media-library-routes.ts'

/** The lists the console's catalog screens need beyond the catalog API: inventory, media library. */
export function catalogConsoleRoutes(services: CoreServices) {
  return createRouter().route('/', inventoryRoutes()).route('/', mediaLibraryRoutes(services))
}
