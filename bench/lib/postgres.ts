import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { log } from './log.ts'

interface Throwaway {
  url: string
  stop(): Promise<void>
}

const script = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../core/scripts/with-postgres.mjs',
)

/**
 * Runs `work` with a PostgreSQL URL: `DATABASE_URL` when set, else a throwaway cluster started
 * the way CI starts one (core/scripts/with-postgres.mjs) and always stopped afterwards.
 */
export async function withPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  const existing = process.env.DATABASE_URL
  if (existing) return work(existing)
  const { startThrowawayPostgres } = (await import(pathToFileURL(script).href)) as {
    startThrowawayPostgres(options?: { log?: (msg: string) => void }): Promise<Throwaway>
  }
  const pg = await startThrowawayPostgres({ log })
  try {
    return await work(pg.url)
  } finally {
    await pg.stop()
  }
}
