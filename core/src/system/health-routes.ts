import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { coreMigrations } from '../db/migrations/index.ts'
import { pendingMigrations } from '../db/migrator.ts'
import { MallError } from '../http/errors.ts'
import { createRouter } from '../http/router.ts'
import type { CoreServices } from '../services.ts'

const Health = z.object({ status: z.literal('ok') }).openapi('Health')

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'The process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: Health } } } },
})

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['system'],
  summary: 'The database is reachable, migrations are applied and the process is not draining',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Health } } },
    503: { description: 'Not ready (problem document)' },
  },
})

/** Liveness and readiness probes. */
export function healthRoutes(services: CoreServices) {
  return createRouter()
    .openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyz, async (c) => {
      if (services.lifecycle.draining) throw new MallError('not_ready', 'Shutting down')
      try {
        await sql`select 1`.execute(services.db)
        // Applied migrations never un-apply: once all are seen applied, a ping is enough.
        if (!services.lifecycle.migrated) {
          const pending = await pendingMigrations(services.db, [
            coreMigrations,
            ...services.plugins.migrationSets(),
          ])
          if (pending.length)
            throw new MallError('not_ready', `Pending migrations: ${pending.join(', ')}`)
          services.lifecycle.migrated = true
        }
      } catch (error) {
        if (error instanceof MallError) throw error
        throw new MallError('not_ready', 'The database is unreachable', { cause: error })
      }
      return c.json({ status: 'ok' as const }, 200)
    })
}
