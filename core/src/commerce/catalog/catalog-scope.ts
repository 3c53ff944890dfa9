import type { TenantTx } from '../../db/tenant-scope.ts'

/**
 * What catalog services need of a unit of work: the mall and its transaction. A `MallContext`
 * is one; the demo seed passes a bare tenant transaction.
 */
export interface CatalogScope {
  readonly db: TenantTx
  readonly tenant: { readonly id: string }
}
