import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { StorefrontFacet } from './facet.ts'

/** The workspace's `tenant-ui/` folder. */
export const STOREFRONT_DIR = fileURLToPath(new URL('../../../tenant-ui/', import.meta.url))

/**
 * Loads the storefront facet of the package in `dir` whose package.json says
 * `"mallkit": { "storefront": "./src/server/index.ts" }` (its default export is the facet), or
 * null when there is none: the core then answers pages with its placeholder.
 */
export async function discoverStorefront(dir = STOREFRONT_DIR): Promise<StorefrontFacet | null> {
  const manifestPath = join(dir, 'package.json')
  if (!existsSync(manifestPath)) return null
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    mallkit?: { storefront?: string }
  }
  if (!pkg.mallkit?.storefront) return null
  const module = (await import(pathToFileURL(join(dir, pkg.mallkit.storefront)).href)) as {
    default?: StorefrontFacet
  }
  const facet = module.default
  if (!facet || typeof facet.render !== 'function' || !facet.coreBlocks)
    throw new Error(`${dir}: the storefront entry has no default export with render and coreBlocks`)
  return facet
}
