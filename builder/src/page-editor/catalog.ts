import { z } from 'zod'
import type { BlockManifest } from '../../../core/src/plugins/contract.ts'
import type { BlockRegistry, RegisteredBlock } from '../../../core/src/page/index.ts'
import type { CatalogBlock as CoreCatalogBlock } from '../../../core/src/page-store/block-catalog.ts'
import { coreBlockManifests } from '../../../tenant-ui/src/blocks/manifests.ts'
import type { JsonSchema } from './inspector-fields.ts'

/** One block type as `GET /api/admin/blocks` describes it, its props schema typed for reading. */
export type CatalogBlock = Omit<CoreCatalogBlock, 'props'> & { props: JsonSchema }

/**
 * The editor's block registry for one mall: exactly the catalog's types (blocks of disabled
 * plugins are absent, so the reducer refuses them). Core blocks keep their zod props; a plugin
 * block's props come back from its JSON Schema, since its manifest is not in the console bundle.
 */
export function catalogRegistry(catalog: readonly CatalogBlock[]): BlockRegistry {
  const registry = new Map<string, RegisteredBlock>()
  for (const block of catalog) {
    const core = block.pluginId === null ? coreBlockManifests[block.type.slice(5)] : undefined
    const manifest: BlockManifest = core ?? {
      label: block.label,
      icon: block.icon,
      category: block.category,
      props: propsSchema(block),
      inspector: block.inspector,
      slots: block.slots,
      placement: block.placement,
    }
    registry.set(block.type, { type: block.type, pluginId: block.pluginId, manifest })
  }
  return registry
}

function propsSchema(block: CatalogBlock): z.ZodType {
  try {
    return z.fromJSONSchema(block.props as Parameters<typeof z.fromJSONSchema>[0])
  } catch {
    // A schema zod cannot read back: accept any object, starting from the catalog's defaults.
    return z.record(z.string(), z.unknown()).transform((props) => ({ ...block.defaults, ...props }))
  }
}
