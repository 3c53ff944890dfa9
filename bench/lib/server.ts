import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { bootCore, type Core } from '../../core/src/boot.ts'
import { loadConfig } from '../../core/src/config/env.ts'
import { ensurePlans } from '../../core/src/demo/seed.ts'
import type { StorefrontFacet } from '../../core/src/storefront/facet.ts'

// The server's own dependencies live in the core package, not at the workspace root.
const fromCore = createRequire(new URL('../../core/package.json', import.meta.url))
const { serve } = fromCore('@hono/node-server') as {
  serve(
    options: {
      fetch: (request: Request) => Response | Promise<Response>
      hostname: string
      port: number
    },
    listening: () => void,
  ): unknown
}

/** A real Mallkit server on 127.0.0.1 for a benchmark: migrated, plans seeded, worker off. */
export interface BenchServer {
  core: Core
  /** `http://127.0.0.1:<port>` */
  origin: string
  close(): Promise<void>
}

/**
 * Boots the core on `databaseUrl` (migrations applied, silent logs, no worker, no demo seed) and
 * serves it on a free loopback port with @hono/node-server, as `pnpm start` does. With a
 * `storefront`, malls' pages are rendered by it (build it first with `ensureBuilt`).
 */
export async function startServer(
  databaseUrl: string,
  options: { storefront?: StorefrontFacet | null } = {},
): Promise<BenchServer> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    MALLKIT_WORKER: 'false',
    MALLKIT_SEED_DEMO: 'false',
    HOST: '127.0.0.1',
  })
  const core = await bootCore({ config, storefront: options.storefront ?? null })
  await ensurePlans(core.services.db)
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: core.app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(s as Server),
    )
  })
  const { port } = server.address() as AddressInfo
  return {
    core,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.close()
    },
  }
}
