import type { BlockManifest } from '../plugins/contract.ts'

/** A block type the platform knows: the core's (`core/…`) or a plugin's (`<plugin id>/…`). */
export interface RegisteredBlock {
  type: string
  /** The plugin that provides it; null for core blocks. */
  pluginId: string | null
  manifest: BlockManifest
}

export type BlockRegistry = ReadonlyMap<string, RegisteredBlock>

/**
 * The registry from the core's blocks and every installed plugin's manifest blocks. Block types
 * derive from the plugin id (`lucky-wheel` + `wheel` → `lucky-wheel/wheel`).
 */
export function createBlockRegistry(
  coreBlocks: Record<string, BlockManifest>,
  plugins: readonly { id: string; blocks?: Record<string, BlockManifest> | undefined }[],
): BlockRegistry {
  const registry = new Map<string, RegisteredBlock>()
  for (const [name, manifest] of Object.entries(coreBlocks))
    registry.set(`core/${name}`, { type: `core/${name}`, pluginId: null, manifest })
  for (const plugin of plugins)
    for (const [name, manifest] of Object.entries(plugin.blocks ?? {}))
      registry.set(`${plugin.id}/${name}`, {
        type: `${plugin.id}/${name}`,
        pluginId: plugin.id,
        manifest,
      })
  return registry
}
