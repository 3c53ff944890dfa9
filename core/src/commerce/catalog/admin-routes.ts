import { createRouter } from '../../http/router.ts'
import type { CoreServices } from '../../services.ts'
import { categoryAdminRoutes } from './category-admin-routes.ts'
import { csvRoutes } from './csv-routes.ts'
import { productAdminRoutes } from './product-admin-routes.ts'
import { stockRoutes } from './stock-routes.ts'

/** The catalog's admin API: categories, products (CSV first: `/products/export` is no id), stock. */
export function catalogAdminRoutes(services: CoreServices) {
  return createRouter()
    .route('/', csvRoutes(services))
    .route('/', categoryAdminRoutes())
    .route('/', productAdminRoutes(services))
    .route('/', stockRoutes())
}
