import type { PGlite } from '@electric-sql/pglite'
import pino, { type Logger } from 'pino'
import { createCustomerRealm, createStaffRealm } from './auth/index.ts'
import { createApp } from './app.ts'
import { registerOrderJobs } from './commerce/orders/order-jobs.ts'
import { registerPagePublishJob } from './page-store/page-schedule.ts'
import { systemClock, type Clock } from './clock.ts'
import type { Config } from './config/env.ts'
import { createDb, type DbHandle } from './db/create-db.ts'
import { coreMigrations } from './db/migrations/index.ts'
import { Worker, type WorkerOptions } from './jobs/worker.ts'
import type { BlockManifest, PluginServer } from './plugins/contract.ts'
import { createBlockRegistry } from './page/registry.ts'
import { PluginHost } from './plugins/host.ts'
import type { CoreServices } from './services.ts'
import type { ConsoleFacet } from './console/facet.ts'
import { createCaches } from './storefront/caches.ts'
import type { StorefrontFacet } from './storefront/facet.ts'
import { CORE_VERSION } from './version.ts'

export interface BootOptions {
  config: Config
  plugins?: readonly PluginServer[]
  clock?: Clock
  log?: Logger
  /** An already-open database (tests); otherwise opened from the configuration. */
  database?: DbHandle
  /** Use this PGlite instance instead of opening the data folder (tests). */
  pglite?: PGlite
  /** Skip migrations (the caller ran them). */
  skipMigrations?: boolean
  worker?: WorkerOptions
  /** The core's storefront blocks (`core/<name>`), from tenant-ui; plugins add theirs. */
  coreBlocks?: Record<string, BlockManifest>
  /** Renders the malls' pages (and supplies `coreBlocks` when they are not given). */
  storefront?: StorefrontFacet | null
  /** Serves the console at `/console/`. */
  console?: ConsoleFacet | null
  coreVersion?: string
}

export interface Core {
  services: CoreServices
  app: ReturnType<typeof createApp>
  worker: Worker
  database: DbHandle
  close(): Promise<void>
}

/**
 * Boots the core: checks the installed plugins (compatibility, dependencies, order), opens the
 * database, applies the core's and every plugin's migrations, and assembles services and app.
 */
export async function bootCore(options: BootOptions): Promise<Core> {
  const { config } = options
  const log = options.log ?? pino({ level: config.LOG_LEVEL, base: { svc: 'mallkit' } })
  const plugins = new PluginHost(options.plugins ?? [], options.coreVersion ?? CORE_VERSION)
  registerOrderJobs(plugins)
  const database =
    options.database ??
    (await createDb(
      config.DATABASE_URL
        ? {
            kind: 'postgres',
            url: config.DATABASE_URL,
            migrationUrl: config.MIGRATION_DATABASE_URL,
            poolSize: config.DATABASE_POOL_SIZE,
          }
        : {
            kind: 'pglite',
            dataDir: config.MALLKIT_DATA_DIR,
            ...(options.pglite ? { pglite: options.pglite } : {}),
          },
    ))
  if (!options.skipMigrations) await database.migrate([coreMigrations, ...plugins.migrationSets()])
  const clock = options.clock ?? systemClock
  const deps = { db: database.db, clock }
  const services: CoreServices = {
    config,
    db: database.db,
    dbKind: database.kind,
    log,
    clock,
    plugins,
    blocks: createBlockRegistry(
      options.coreBlocks ?? options.storefront?.coreBlocks ?? {},
      plugins.plugins.map((plugin) => plugin.manifest),
    ),
    staffAuth: createStaffRealm(deps),
    customerAuth: (tenantId) => createCustomerRealm(deps, tenantId),
    caches: createCaches(config, database.changes),
    // Checked (and remembered) by /readyz: a separate migrate job may still be running.
    lifecycle: { draining: false, migrated: false },
  }
  registerPagePublishJob(plugins, services.blocks)
  const worker = new Worker(services, options.worker)
  const app = createApp(services, {
    storefront: options.storefront ?? null,
    console: options.console ?? null,
  })
  return {
    services,
    app,
    worker,
    database,
    async close() {
      await worker.stop()
      await database.close()
    },
  }
}
