import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { PluginServer } from './contract.ts'

/** The workspace's `plugins/` folder. */
export const PLUGINS_DIR = fileURLToPath(new URL('../../../plugins/', import.meta.url))

/**
 * Loads the server facet of every package under `plugins/` whose package.json says
 * `"mallkit": { "server": "./src/server/index.ts" }` (its default export is the facet). The core
 * learns plugins from the folder, never by name.
 */
export async function discoverPlugins(dir = PLUGINS_DIR): Promise<PluginServer[]> {
  if (!existsSync(dir)) return []
  const found: PluginServer[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const manifestPath = join(dir, entry.name, 'package.json')
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue
    const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as { mallkit?: { server?: string } }
    if (!pkg.mallkit?.server) continue
    const module = (await import(
      pathToFileURL(join(dir, entry.name, pkg.mallkit.server)).href
    )) as {
      default?: PluginServer
    }
    if (!module.default?.manifest)
      throw new Error(`plugins/${entry.name}: the server entry has no default export`)
    found.push(module.default)
  }
  return found
}
