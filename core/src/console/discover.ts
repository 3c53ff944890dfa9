import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ConsoleFacet } from './facet.ts'

/** The workspace's `builder/` folder. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../builder/', import.meta.url))

/**
 * Loads the console facet of the package in `dir` whose package.json says
 * `"mallkit": { "console": "./src/server/index.ts" }` (its default export is the facet), or null
 * when there is none: `/console/` then shows the placeholder page.
 */
export async function discoverConsole(dir = CONSOLE_DIR): Promise<ConsoleFacet | null> {
  const manifestPath = join(dir, 'package.json')
  if (!existsSync(manifestPath)) return null
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as { mallkit?: { console?: string } }
  if (!pkg.mallkit?.console) return null
  const module = (await import(pathToFileURL(join(dir, pkg.mallkit.console)).href)) as {
    default?: ConsoleFacet
  }
  const facet = module.default
  if (!facet || typeof facet.serve !== 'function' || typeof facet.ensureBuilt !== 'function')
    throw new Error(`${dir}: the console entry has no default export with serve and ensureBuilt`)
  return facet
}
