import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DEMO, seedDemo } from '../core/src/demo/seed.ts'
import { discoverStorefront } from '../core/src/storefront/discover.ts'
import { initialChunks, readClientManifest } from '../tenant-ui/src/server/client-assets.ts'
import { CLIENT_DIR } from '../tenant-ui/src/server/paths.ts'
import { log } from './lib/log.ts'
import { loadGenerators, measureRps, ratio } from './lib/measure.ts'
import { withPostgres } from './lib/postgres.ts'
import { startServer } from './lib/server.ts'

/** The request headers of a browser that matter to the server's answer. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' }

/** Sequential requests timed for the TTFB median. */
const TTFB_SAMPLES = 200

/**
 * `pnpm bench storefront`: the demo mall's home page served from the HTML cache (warm) and
 * rendered on every request (a unique `?nocache=` per request makes each one an HTML cache miss;
 * the page's content reads stay cached, as they do for any new query string), against `/healthz`
 * on the same server, every request accepting gzip and brotli as browsers do over HTTPS; plus the
 * cached page's median time to first byte, its size (uncompressed) and the gzipped JavaScript it
 * loads up front.
 */
export default async function storefront(): Promise<string> {
  const facet = await discoverStorefront()
  if (!facet) throw new Error('no storefront package (tenant-ui) found')
  await facet.ensureBuilt({ info: (...args: unknown[]) => log(String(args.at(-1))) })
  return withPostgres(async (url) => {
    const server = await startServer(url, { storefront: facet })
    try {
      await seedDemo(server.core.services.db)
      const home = `${server.origin}/s/${DEMO.slug}/`
      const html = await checkPage(home, 'miss', 'hit')
      await checkPage(`${home}?nocache=check`, 'miss', 'hit')

      // Every request carries what a phone's browser sends over HTTPS: it accepts gzip and brotli.
      const headers = BROWSER_HEADERS
      const hello = await measureRps('hello-world baseline /healthz', `${server.origin}/healthz`, {
        headers,
      })
      const cached = await measureRps('home page, cached', home, { headers })
      const uncached = await measureRps(
        'home page, rendered every time',
        `${home}?nocache=[<id>]`,
        { headers, uniqueIds: true },
      )
      const ttfb = await medianTtfb(home)
      log(`median TTFB of the cached home page: ${ttfb.toFixed(2)} ms`)
      const rendered = await medianTtfb(`${home}?nocache=`, 30)
      log(`median TTFB of a rendered home page: ${rendered.toFixed(2)} ms`)

      const { js } = initialChunks(readClientManifest())
      const jsBytes = js
        .map((file) => gzipSync(readFileSync(join(CLIENT_DIR, file)), { level: 9 }).length)
        .reduce((sum, size) => sum + size, 0)
      return [
        'storefront:',
        `cached_ratio=${ratio(cached, hello)}`,
        `uncached_ratio=${ratio(uncached, hello)}`,
        `ttfb_ms=${ttfb.toFixed(2)}`,
        `html_kb=${(Buffer.byteLength(html) / 1024).toFixed(1)}`,
        `js_gz_kb=${(jsBytes / 1024).toFixed(1)}`,
        `loadgen=${loadGenerators()}`,
      ].join(' ')
    } finally {
      await server.close()
    }
  })
}

/** Loads `url` twice, checks both are the rendered home page and what the cache did each time. */
async function checkPage(url: string, first: string, second: string): Promise<string> {
  const outcomes: (string | null)[] = []
  let html = ''
  for (let i = 0; i < 2; i++) {
    const response = await fetch(url)
    html = await response.text()
    if (response.status !== 200 || !html.includes('data-hk=') || !html.includes(DEMO.slug))
      throw new Error(`${url} answered ${response.status} without the rendered demo home page`)
    outcomes.push(response.headers.get('x-mallkit-cache'))
  }
  if (outcomes[0] !== first || outcomes[1] !== second)
    throw new Error(`${url}: the cache answered ${outcomes.join(', ')}, not ${first}, ${second}`)
  return html
}

/**
 * Median milliseconds from sending a GET to its first response byte, one request at a time on a
 * kept-alive connection. A `url` ending in `=` gets a fresh value per request (always a miss).
 */
async function medianTtfb(url: string, samples = TTFB_SAMPLES): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const times: number[] = []
  try {
    for (let i = 0; i < samples; i++) {
      const target = url.endsWith('=') ? `${url}ttfb-${i}` : url
      times.push(
        await new Promise<number>((resolve, reject) => {
          const started = performance.now()
          const req = request(target, { agent, headers: BROWSER_HEADERS }, (res) => {
            const first = performance.now() - started
            if (res.statusCode !== 200) reject(new Error(`${target} answered ${res.statusCode}`))
            res.resume()
            res.on('end', () => resolve(first))
          })
          req.on('error', reject)
          req.end()
        }),
      )
    }
  } finally {
    agent.destroy()
  }
  times.sort((x, y) => x - y)
  return times[Math.floor(times.length / 2)] ?? NaN
}
