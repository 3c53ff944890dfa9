import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { PLUGINS_DIR } from '../../../core/src/plugins/discover.ts'

/** A browser-side module of a plugin package, as its package.json names it. */
export interface PluginModuleFacet {
  /** The package's folder name under `plugins/`. */
  folder: string
  /** The absolute path of the module (`"mallkit": { "blocks": "./src/blocks/index.ts" }`). */
  module: string
}

/**
 * The browser-side facets a package can declare under `"mallkit"`: `blocks` (storefront block
 * components, also rendered in the console's canvas) and `console` (console screens).
 */
export type BrowserFacetKey = 'blocks' | 'console'

/** The id the storefront bundles import the installed plugins' block components from. */
export const PLUGIN_BLOCKS_ID = 'virtual:mallkit/plugin-blocks'
/** The id the console imports the installed plugins' screens from. */
export const PLUGIN_CONSOLE_ID = 'virtual:mallkit/plugin-console'

/**
 * Every package under `dir` whose package.json declares `"mallkit": { [key]: … }`, in folder
 * order (the same order the core loads plugins in).
 */
export function pluginModuleFacets(key: BrowserFacetKey, dir = PLUGINS_DIR): PluginModuleFacet[] {
  if (!existsSync(dir)) return []
  const found: PluginModuleFacet[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const manifestPath = join(dir, entry.name, 'package.json')
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue
    const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      mallkit?: Partial<Record<BrowserFacetKey, string>>
    }
    const module = pkg.mallkit?.[key]
    if (module) found.push({ folder: entry.name, module: resolve(dir, entry.name, module) })
  }
  return found
}

/** The packages declaring storefront blocks. */
export const pluginBlocksFacets = (dir = PLUGINS_DIR) => pluginModuleFacets('blocks', dir)

/** The source of the generated module: every facet's default export, in order. */
export function pluginBlocksModule(facets: readonly PluginModuleFacet[]): string {
  const imports = facets.map((facet, i) => `import facet${i} from ${JSON.stringify(facet.module)}`)
  return [...imports, `export default [${facets.map((_, i) => `facet${i}`).join(', ')}]`].join('\n')
}

/** The folders a build must watch: each facet module's folder (a change there makes it stale). */
export const pluginBlocksInputs = (facets: readonly PluginModuleFacet[]): string[] =>
  facets.map((facet) => dirname(facet.module))

/**
 * A Vite plugin serving `id` as a module whose default export is the list of every installed
 * plugin's `key` facet, generated at build time, so the app never names a plugin. Which of them
 * apply is decided per mall at request time.
 */
export function pluginFacetsPlugin(id: string, key: BrowserFacetKey, dir = PLUGINS_DIR): Plugin {
  const resolved = `\0${id}`
  return {
    name: `mallkit-plugin-${key}`,
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) =>
      source === resolved ? pluginBlocksModule(pluginModuleFacets(key, dir)) : undefined,
  }
}

/** `virtual:mallkit/plugin-blocks`: the block registry of the browser and server bundles. */
export const pluginBlocksPlugin = (dir = PLUGINS_DIR): Plugin =>
  pluginFacetsPlugin(PLUGIN_BLOCKS_ID, 'blocks', dir)
