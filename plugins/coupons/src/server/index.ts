import { definePluginServer } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { couponAdjuster } from './adjuster.ts'
import { adminRoutes } from './admin-routes.ts'
import { coreAudience, type AudienceDirectory } from './audience.ts'
import { couponHooks } from './hooks.ts'
import { couponTables } from './migrations/0001-coupons.ts'
import { CouponSelection } from './schemas.ts'
import { storeRoutes } from './store-routes.ts'

export type { AudienceDirectory } from './audience.ts'
export type { CouponTables } from './tables.ts'

/**
 * The coupons plugin's server facet. `audience` answers "is this customer new / in this segment"
 * (the default reads paid orders from the core and knows no segments).
 */
export function createCouponsServer(options: { audience?: AudienceDirectory } = {}) {
  const audience = options.audience ?? coreAudience
  return definePluginServer(manifest, {
    migrations: { '0001-coupons': couponTables },
    admin: adminRoutes(audience),
    store: storeRoutes(audience),
    hooks: couponHooks(audience),
    adjusters: [couponAdjuster],
    selection: CouponSelection,
  })
}

export default createCouponsServer()
