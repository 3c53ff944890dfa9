import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { bootCore } from './boot.ts'
import { loadConfig, seedsDemo } from './config/env.ts'
import { discoverConsole } from './console/discover.ts'
import { DEMO, ensurePlans, seedDemo } from './demo/seed.ts'
import { discoverPlugins } from './plugins/discover.ts'
import { discoverStorefront } from './storefront/discover.ts'

/** `pnpm start`: migrate, seed the demo mall on first start, serve, and shut down gracefully. */
async function main() {
  const config = loadConfig()
  const storefront = await discoverStorefront()
  const consoleApp = await discoverConsole()
  const core = await bootCore({
    config,
    plugins: await discoverPlugins(),
    storefront,
    console: consoleApp,
  })
  const { services } = core
  const { log } = services
  // Before listening: a fresh clone has no built storefront or console yet.
  await storefront?.ensureBuilt(log)
  await consoleApp?.ensureBuilt(log)
  await ensurePlans(services.db)
  const seeded = seedsDemo(config) ? await seedDemo(services.db) : false
  if (config.MALLKIT_WORKER) core.worker.start()

  const server = serve(
    { fetch: core.app.fetch, port: config.PORT, hostname: config.HOST },
    (info) => {
      const base = `http://localhost:${info.port}`
      const demoHost = `http://${DEMO.slug}.${config.MALLKIT_BASE_DOMAIN}:${info.port}`
      log.info({ port: info.port, database: services.dbKind, seeded }, 'listening')
      if (!seedsDemo(config)) return
      process.stdout.write(
        [
          '',
          `  Mallkit is running (${services.dbKind === 'pglite' ? `embedded database in ${config.MALLKIT_DATA_DIR}` : 'PostgreSQL'})`,
          '',
          `  Demo mall      ${demoHost}/`,
          `                 ${base}/s/${DEMO.slug}/`,
          `  Console        ${base}/console/`,
          `  API            ${base}/api/openapi.json`,
          '',
          `  Mall owner     ${DEMO.owner.email} / ${DEMO.owner.password}`,
          `  Agency owner   ${DEMO.agencyOwner.email} / ${DEMO.agencyOwner.password}`,
          `  Customer       ${DEMO.customer.email} / ${DEMO.customer.password}`,
          '',
        ].join('\n') + '\n',
      )
    },
  ) as Server

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    // Readiness fails at once so the load balancer drains us; in-flight requests then finish.
    services.lifecycle.draining = true
    log.info({ signal }, 'shutting down')
    const deadline = setTimeout(() => {
      log.warn('in-flight requests did not finish in time; closing anyway')
      server.closeAllConnections()
    }, config.MALLKIT_SHUTDOWN_TIMEOUT_MS)
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
    clearTimeout(deadline)
    await core.close()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
