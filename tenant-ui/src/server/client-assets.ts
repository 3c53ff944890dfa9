import { readFileSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { STOREFRONT_ASSET_PREFIX } from '../../../core/src/storefront/facet.ts'
import { CLIENT_DIR, CLIENT_ENTRY, CLIENT_MANIFEST } from './paths.ts'

interface ManifestChunk {
  file: string
  css?: string[]
  imports?: string[]
}

/** The built browser files a page links: its entry script, preloads and stylesheets. */
export interface ClientAssets {
  entry: string
  preload: string[]
  css: string[]
  /** Every file under `dist/client/assets`, by name. */
  files: ReadonlySet<string>
  /** What a lazily loaded module (a view) adds to the initial files: its scripts and styles. */
  lazy(module: string): { preload: string[]; css: string[] }
}

/**
 * The client entry and everything it loads up front (static imports, CSS), from the Vite
 * manifest: exactly what a first page view downloads before any lazy chunk.
 */
export function initialChunks(manifest: Record<string, ManifestChunk>, key = CLIENT_ENTRY) {
  const js: string[] = []
  const css: string[] = []
  const visit = (name: string) => {
    const chunk = manifest[name]
    if (!chunk || js.includes(chunk.file)) return
    js.push(chunk.file)
    css.push(...(chunk.css ?? []).filter((file) => !css.includes(file)))
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(key)
  if (!js.length) throw new Error(`The Vite manifest has no entry ${key}`)
  return { js, css }
}

/** Reads the Vite manifest of the current build. */
export function readClientManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8')) as Record<string, ManifestChunk>
}

/** The current build's client assets, as URLs under the asset base. */
export function loadClientAssets(): ClientAssets {
  const manifest = readClientManifest()
  const { js, css } = initialChunks(manifest)
  const url = (file: string) => `${STOREFRONT_ASSET_PREFIX}${file}`
  const lazy = new Map<string, { preload: string[]; css: string[] }>()
  return {
    entry: url(js[0]!),
    preload: js.slice(1).map(url),
    css: css.map(url),
    files: new Set(readdirSync(join(CLIENT_DIR, 'assets'))),
    lazy(module) {
      let found = lazy.get(module)
      if (!found) {
        const chunks = manifest[module] ? initialChunks(manifest, module) : { js: [], css: [] }
        found = {
          preload: chunks.js.filter((file) => !js.includes(file)).map(url),
          css: chunks.css.filter((file) => !css.includes(file)).map(url),
        }
        lazy.set(module, found)
      }
      return found
    },
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
}

/**
 * A built file at `/_mk/assets/<name>`, cached for a year (names carry a content hash). Only
 * names the build produced are served, so no path reaches outside `dist/client/assets`.
 */
export async function serveAsset(assets: ClientAssets, path: string): Promise<Response | null> {
  const prefix = `${STOREFRONT_ASSET_PREFIX}assets/`
  if (!path.startsWith(prefix)) return null
  const name = path.slice(prefix.length)
  if (!assets.files.has(name)) return null
  const body = await readFile(join(CLIENT_DIR, 'assets', name))
  return new Response(body, {
    headers: {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    },
  })
}
