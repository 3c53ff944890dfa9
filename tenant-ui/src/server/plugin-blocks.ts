import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { PLUGINS_DIR } from '../../../core/src/plugins/discover.ts'

/** A plugin package's storefront blocks module, as its package.json names it. */
export interface PluginBlocksFacet {
  /** The package's folder name under `plugins/`. */
  folder: string
  /** The absolute path of the module (`"mallkit": { "blocks": "./src/blocks/index.ts" }`). */
  module: string
}

/** The id the storefront bundles import the installed plugins' block components from. */
export const PLUGIN_BLOCKS_ID = 'virtual:mallkit/plugin-blocks'
const RESOLVED_ID = `\0${PLUGIN_BLOCKS_ID}`

/**
 * Every package under `dir` whose package.json declares `"mallkit": { "blocks": … }`, in folder
 * order (the same order the core loads plugins in).
 */
export function pluginBlocksFacets(dir = PLUGINS_DIR): PluginBlocksFacet[] {
  if (!existsSync(dir)) return []
  const found: PluginBlocksFacet[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const manifestPath = join(dir, entry.name, 'package.json')
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue
    const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as { mallkit?: { blocks?: string } }
    if (pkg.mallkit?.blocks)
      found.push({ folder: entry.name, module: resolve(dir, entry.name, pkg.mallkit.blocks) })
  }
  return found
}

/** The source of the generated module: every facet's default export, in order. */
export function pluginBlocksModule(facets: readonly PluginBlocksFacet[]): string {
  const imports = facets.map((facet, i) => `import facet${i} from ${JSON.stringify(facet.module)}`)
  return [...imports, `export default [${facets.map((_, i) => `facet${i}`).join(', ')}]`].join('\n')
}

/** The folders a build must watch: each facet module's folder (a change there makes it stale). */
export const pluginBlocksInputs = (facets: readonly PluginBlocksFacet[]): string[] =>
  facets.map((facet) => dirname(facet.module))

/**
 * The Vite plugin behind `virtual:mallkit/plugin-blocks`: the block registry of the browser and
 * server bundles is generated at build time from the installed plugins' block facets, so the
 * storefront never names a plugin. Which of them render is decided per mall at request time.
 */
export function pluginBlocksPlugin(dir = PLUGINS_DIR): Plugin {
  return {
    name: 'mallkit-plugin-blocks',
    resolveId: (id) => (id === PLUGIN_BLOCKS_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? pluginBlocksModule(pluginBlocksFacets(dir)) : undefined),
  }
}
