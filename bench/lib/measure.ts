import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
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

/** Which load generators measure: both when wrk is installed, else autocannon alone. */
export type LoadGenerators = 'wrk+autocannon' | 'autocannon'

let chosen: LoadGenerators | undefined

/**
 * On two shared cores each load generator limits some routes, in opposite directions.
 * autocannon decodes every body chunk into a JavaScript string (`req.body += data` in its
 * pipelined-requests queue), so with a few KB per answer it, not the server, sets the rate (a
 * static 6.3 KB answer served outside the app ran no faster than the cached home page); wrk
 * (C, skips bodies) drives those faster but tiny answers like `/healthz` about a fifth slower
 * than autocannon does. So each route is loaded by both and its rate is the better of the two:
 * what the server is known to sustain, whichever client showed it. Without wrk (Debian package
 * `wrk`), autocannon alone; `MALLKIT_BENCH_LOADGEN=autocannon` forces that.
 */
export function loadGenerators(): LoadGenerators {
  if (chosen) return chosen
  if (process.env.MALLKIT_BENCH_LOADGEN === 'autocannon') return (chosen = 'autocannon')
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    chosen = 'wrk+autocannon'
  } catch (error) {
    // wrk prints its usage and exits 1 for --version; only a missing binary means no wrk.
    chosen = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'autocannon' : 'wrk+autocannon'
  }
  if (chosen === 'autocannon')
    log('wrk not found (apt-get install wrk): autocannon alone measures, and limits, the rates')
  return chosen
}

/** The placeholder `uniqueIds` replaces, as autocannon spells it. */
const ID_PLACEHOLDER = '[<id>]'

/**
 * Requests per second `url` sustains (mean over a run), the better of `loadGenerators()`, each
 * in a process or thread of its own so it does not share the server's event loop. Any non-2xx
 * answer or socket error fails the benchmark: a fast 404 must never pass for a fast page.
 */
export async function measureRps(
  label: string,
  url: string,
  options: LoadOptions = {},
): Promise<number> {
  const runs = loadGenerators() === 'autocannon' ? [autocannonRun] : [wrkRun, autocannonRun]
  let best = 0
  for (const run of runs) {
    const warmup = options.warmupSeconds ?? 2
    if (warmup > 0) await run(label, url, options, warmup)
    const { rps, total, p99 } = await run(label, url, options, options.durationSeconds ?? 8)
    log(`${label}: ${Math.round(rps)} req/s (${total} requests, p99 ${p99}, ${run.generator})`)
    best = Math.max(best, rps)
  }
  return best
}

interface RunResult {
  rps: number
  total: number
  p99: string
}

autocannonRun.generator = 'autocannon'
wrkRun.generator = 'wrk'

async function autocannonRun(
  label: string,
  url: string,
  options: LoadOptions,
  seconds: number,
): Promise<RunResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 10,
    headers: options.headers ?? {},
    idReplacement: options.uniqueIds ?? false,
    workers: 1,
    duration: seconds,
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0 || result.requests.total === 0)
    throw new Error(`${label}: ${failed} failed of ${result.requests.total} requests to ${url}`)
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p99: `${result.latency.p99} ms`,
  }
}

const execFileAsync = promisify(execFile)

/** One thread, `connections` connections; a Lua script numbers the URL when `uniqueIds`. */
async function wrkRun(
  label: string,
  url: string,
  options: LoadOptions,
  seconds: number,
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mallkit-wrk-'))
  try {
    const args = ['-t1', `-c${options.connections ?? 10}`, `-d${seconds}s`, '--latency']
    for (const [name, value] of Object.entries(options.headers ?? {}))
      args.push('-H', `${name}: ${value}`)
    let target = url
    if (options.uniqueIds) {
      // wrk's URL parser refuses `[<id>]`: the script swaps in a number for a plain marker.
      const marker = 'MALLKITID'
      target = url.replace(ID_PLACEHOLDER, marker)
      const script = join(dir, 'unique.lua')
      writeFileSync(
        script,
        [
          'local n = 0',
          'request = function()',
          '  n = n + 1',
          `  local path = string.gsub(wrk.path, "${marker}", tostring(n))`,
          '  return wrk.format(nil, path)',
          'end',
        ].join('\n'),
      )
      args.push('-s', script)
    }
    const { stdout } = await execFileAsync('wrk', [...args, target])
    const total = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0)
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0)
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0)
    const socket = /Socket errors: (.*)/.exec(stdout)?.[1]
    if (non2xx > 0 || socket || total === 0)
      throw new Error(
        `${label}: ${non2xx} non-2xx answers, socket errors: ${socket ?? 'none'}, of ${total} requests to ${url}`,
      )
    return { rps, total, p99: /\s99%\s+(\S+)/.exec(stdout)?.[1] ?? '?' }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A ratio for the summary line, two decimals at most significant digits. */
export function ratio(value: number, baseline: number): string {
  return (value / baseline).toPrecision(2)
}
