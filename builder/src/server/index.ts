import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ConsoleFacet } from '../../../core/src/console/facet.ts'
import { CONSOLE_PREFIX } from '../../../core/src/console/facet.ts'
import { ensureConsole } from './build.ts'
import { DIST_DIR, INDEX_HTML } from './paths.ts'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

interface Built {
  index: string
  /** Every file under `dist/assets`, by name. */
  assets: ReadonlySet<string>
}

/**
 * The console's server facet (Node): builds the single-page app on demand and serves it. The
 * core discovers it through `"mallkit": { "console" }`.
 */
export function createConsole(): ConsoleFacet {
  let ready: Promise<Built> | undefined
  const load = (log?: Parameters<ConsoleFacet['ensureBuilt']>[0]) =>
    (ready ??= (async () => {
      await ensureConsole(log)
      return {
        index: await readFile(INDEX_HTML, 'utf8'),
        assets: new Set(readdirSync(join(DIST_DIR, 'assets'))),
      }
    })().catch((error: unknown) => {
      ready = undefined
      throw error
    }))
  return {
    async ensureBuilt(log) {
      await load(log)
    },
    async serve(path) {
      if (!path.startsWith(CONSOLE_PREFIX) && path !== CONSOLE_PREFIX.slice(0, -1)) return null
      const built = await load()
      const assetPrefix = `${CONSOLE_PREFIX}assets/`
      if (path.startsWith(assetPrefix)) {
        // Only names the build produced are served, so no path reaches outside `dist/assets`.
        const name = path.slice(assetPrefix.length)
        if (!built.assets.has(name)) return null
        return new Response(await readFile(join(DIST_DIR, 'assets', name)), {
          headers: {
            'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
            'cache-control': 'public, max-age=31536000, immutable',
          },
        })
      }
      // Every other path is one of the app's routes: the document, never cached.
      return new Response(built.index, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
      })
    },
  }
}

export default createConsole()
