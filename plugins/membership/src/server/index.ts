import { definePluginServer } from '@mallkit/core/plugin'
import { manifest } from '../manifest.ts'
import { adminRoutes } from './admin-routes.ts'
import { memberPriceAdjuster, pointsAdjuster, storedValueAdjuster } from './adjusters.ts'
import { membershipHooks } from './hooks.ts'
import { membershipJobs } from './jobs.ts'
import { membershipTables } from './migrations/0001-membership.ts'
import { memberCardTables } from './migrations/0002-member-card.ts'
import { topUpSkuTables } from './migrations/0003-top-up-sku.ts'
import { pointsMallTables } from './migrations/0004-points-mall.ts'
import { pointsMallAdminRoutes, pointsMallStoreRoutes } from './points-mall-routes.ts'
import { MembershipSelection } from './schemas.ts'
import { storeRoutes } from './store-routes.ts'
import { tierSegments } from './segments.ts'

export type { MembershipTables } from './tables.ts'

/** The membership plugin's server facet. */
export default definePluginServer(manifest, {
  migrations: {
    '0001-membership': membershipTables,
    '0002-member-card': memberCardTables,
    '0003-top-up-sku': topUpSkuTables,
    '0004-points-mall': pointsMallTables,
  },
  store: storeRoutes().route('/', pointsMallStoreRoutes()),
  admin: adminRoutes().route('/', pointsMallAdminRoutes()),
  hooks: membershipHooks,
  adjusters: [memberPriceAdjuster, pointsAdjuster, storedValueAdjuster],
  selection: MembershipSelection,
  jobs: membershipJobs,
  segments: tierSegments,
})
