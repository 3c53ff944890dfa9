import { z } from 'zod'
import type { BlockRegistry, RegisteredBlock } from '../page/registry.ts'
import type { BlockManifest, Localized } from '../plugins/contract.ts'

/**
 * One block type as the builder's palette and inspector see it: plain JSON, with the props as a
 * JSON Schema (the input side, so a prop with a default is optional and carries its `default`).
 */
export interface CatalogBlock {
  type: string
  /** The plugin that provides it; null for core blocks. */
  pluginId: string | null
  label: Localized
  icon: string
  category: string
  slots: NonNullable<BlockManifest['slots']>
  placement: NonNullable<BlockManifest['placement']>
  inspector: NonNullable<BlockManifest['inspector']>
  /** JSON Schema (draft 2020-12) of the props. */
  props: Record<string, unknown>
  /** The props of a freshly inserted block (`props.parse({})`); null when some prop is required. */
  defaults: Record<string, unknown> | null
}

// A manifest's schema never changes while the process runs: convert each once.
const converted = new WeakMap<BlockManifest, Pick<CatalogBlock, 'props' | 'defaults'>>()

function convert(manifest: BlockManifest): Pick<CatalogBlock, 'props' | 'defaults'> {
  let entry = converted.get(manifest)
  if (!entry) {
    // A prop with no JSON Schema form (a transform, a custom check) becomes `{}` rather than
    // taking the whole palette down; the inspector shows no field for it.
    const props: Record<string, unknown> = {
      ...z.toJSONSchema(manifest.props, { io: 'input', unrepresentable: 'any' }),
    }
    // The dialect is the endpoint's contract, not repeated in every block.
    delete props.$schema
    const parsed = manifest.props.safeParse({})
    const defaults =
      parsed.success && typeof parsed.data === 'object' && parsed.data !== null
        ? (parsed.data as Record<string, unknown>)
        : null
    entry = { props, defaults }
    converted.set(manifest, entry)
  }
  return entry
}

function catalogBlock(block: RegisteredBlock): CatalogBlock {
  const { manifest } = block
  return {
    type: block.type,
    pluginId: block.pluginId,
    label: manifest.label,
    icon: manifest.icon,
    category: manifest.category,
    slots: manifest.slots ?? {},
    placement: manifest.placement ?? {},
    inspector: manifest.inspector ?? {},
    ...convert(manifest),
  }
}

/**
 * The block types a mall may place, in registry order: the core's, then those of the plugins
 * `enabled` for it. A disabled plugin's blocks are left out, as the storefront leaves them out.
 */
export function blockCatalog(
  registry: BlockRegistry,
  enabled: ReadonlySet<string>,
): CatalogBlock[] {
  return [...registry.values()]
    .filter((block) => block.pluginId === null || enabled.has(block.pluginId))
    .map(catalogBlock)
}
