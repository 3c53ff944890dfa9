import { fileURLToPath } from 'node:url'
import { discoverFacet } from '../storefront/discover.ts'
import type { ConsoleFacet } from './facet.ts'

/** The workspace's `builder/` folder. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../builder/', import.meta.url))

/**
 * Loads the console facet of the package in `dir` whose package.json says
 * `"mallkit": { "console": "./src/server/index.ts" }` (its default export is the facet), or null
 * when there is none: `/console/` then shows the placeholder page.
 */
export function discoverConsole(dir = CONSOLE_DIR): Promise<ConsoleFacet | null> {
  return discoverFacet<ConsoleFacet>(
    dir,
    'console',
    (facet) => typeof facet.serve === 'function' && typeof facet.ensureBuilt === 'function',
    'serve and ensureBuilt',
  )
}
