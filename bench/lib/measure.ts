import autocannon from 'autocannon'
import { log } from './log.ts'

/** How a route is loaded; the defaults suit 2 shared cores (10 connections, 2 s warm-up, 8 s). */
export interface LoadOptions {
  connections?: number
  durationSeconds?: number
  warmupSeconds?: number
  headers?: Record<string, string>
  /** Replaces `[<id>]` in the URL with a fresh id on every request (a cache-busting query). */
  uniqueIds?: boolean
}

/**
 * Requests per second `url` sustains (mean over the run), measured with autocannon in a worker
 * thread so the load generator does not share the server's event loop. Any non-2xx answer or
 * error fails the benchmark: a fast 404 must never pass for a fast page.
 */
export async function measureRps(
  label: string,
  url: string,
  options: LoadOptions = {},
): Promise<number> {
  const base = {
    url,
    connections: options.connections ?? 10,
    headers: options.headers ?? {},
    idReplacement: options.uniqueIds ?? false,
    workers: 1,
  }
  const warmup = options.warmupSeconds ?? 2
  if (warmup > 0) await autocannon({ ...base, duration: warmup })
  const result = await autocannon({ ...base, duration: options.durationSeconds ?? 8 })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0 || result.requests.total === 0)
    throw new Error(`${label}: ${failed} failed of ${result.requests.total} requests to ${url}`)
  log(
    `${label}: ${Math.round(result.requests.average)} req/s ` +
      `(${result.requests.total} requests, p99 ${result.latency.p99} ms)`,
  )
  return result.requests.average
}

/** A ratio for the summary line, two decimals at most significant digits. */
export function ratio(value: number, baseline: number): string {
  return (value / baseline).toPrecision(2)
}
