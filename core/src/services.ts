import type { Logger } from 'pino'
import type { AuthRealm, CustomerIdentity, StaffIdentity } from './auth/index.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config/env.ts'
import type { Db } from './db/create-db.ts'
import type { BlockRegistry } from './page/registry.ts'
import type { PluginHost } from './plugins/host.ts'
import type { ProcessCaches } from './storefront/caches.ts'

/** What the core is built from at boot; route factories and the worker close over it. */
export interface CoreServices {
  config: Config
  db: Db
  dbKind: 'pglite' | 'postgres'
  log: Logger
  clock: Clock
  plugins: PluginHost
  /** Every block type pages may use: the core's and the installed plugins'. */
  blocks: BlockRegistry
  staffAuth: AuthRealm<StaffIdentity>
  customerAuth(tenantId: string): AuthRealm<CustomerIdentity>
  /** This process's read caches (host → mall, content reads, shared answers); null when off. */
  caches: ProcessCaches | null
  /**
   * `draining` flips on SIGTERM: /readyz fails at once so the load balancer stops sending traffic.
   * `migrated` turns true once /readyz has seen every migration applied.
   */
  lifecycle: { draining: boolean; migrated: boolean }
}
