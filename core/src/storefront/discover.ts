import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { StorefrontFacet } from './facet.ts'

/** The workspace's `tenant-ui/` folder. */
export const STOREFRONT_DIR = fileURLToPath(new URL('../../../tenant-ui/', import.meta.url))

/**
 * Loads the facet the package in `dir` names in its package.json as `"mallkit": { [key]: entry }`
 * (the entry's default export), or null when there is no package or no such entry. `isFacet`
 * checks the export; `expected` names what it lacks in the error, e.g. `serve and ensureBuilt`.
 *
 * @example discoverFacet(dir, 'console', (m) => typeof m.serve === 'function', 'serve')
 */
export async function discoverFacet<T>(
  dir: string,
  key: string,
  isFacet: (facet: Partial<T>) => boolean,
  expected: string,
): Promise<T | null> {
  const manifestPath = join(dir, 'package.json')
  if (!existsSync(manifestPath)) return null
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    mallkit?: Record<string, string | undefined>
  }
  const entry = pkg.mallkit?.[key]
  if (!entry) return null
  const module = (await import(pathToFileURL(join(dir, entry)).href)) as { default?: T }
  const facet = module.default
  if (!facet || !isFacet(facet))
    throw new Error(`${dir}: the ${key} entry has no default export with ${expected}`)
  return facet
}

/**
 * Loads the storefront facet of the package in `dir` whose package.json says
 * `"mallkit": { "storefront": "./src/server/index.ts" }` (its default export is the facet), or
 * null when there is none: the core then answers pages with its placeholder.
 */
export function discoverStorefront(dir = STOREFRONT_DIR): Promise<StorefrontFacet | null> {
  return discoverFacet<StorefrontFacet>(
    dir,
    'storefront',
    (facet) => typeof facet.render === 'function' && Boolean(facet.coreBlocks),
    'render and coreBlocks',
  )
}
