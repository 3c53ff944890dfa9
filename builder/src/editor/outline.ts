import { walkBlocks, type BlockRegistry, type PageDocument } from '../../../core/src/page/index.ts'
import type { Localized } from '../../../core/src/plugins/contract.ts'
import type { SlotRef } from './position.ts'

/** One row of the outline panel: a block, indented under the slot it sits in. */
export interface OutlineRow {
  id: string
  type: string
  /** The manifest's label; the type itself for a type the registry does not know. */
  label: Localized
  icon: string | null
  /** 0 for root blocks, 1 inside a root block's slot, and so on. */
  depth: number
  /** The slot it sits in, or null at the root. */
  parent: SlotRef | null
  /** The slot's label, for a row's "in Left column" hint; null at the root. */
  slotLabel: Localized | null
  index: number
  /** Whether the block's type is known; unknown ones render as placeholders. */
  known: boolean
}

/** The page's blocks in document order (depth first), as the outline panel lists them. */
export function outline(registry: BlockRegistry, document: PageDocument): OutlineRow[] {
  const depths = new Map<string, number>()
  const rows: OutlineRow[] = []
  for (const { block, path, parent } of walkBlocks(document.blocks)) {
    const depth = parent ? (depths.get(parent.block.id) ?? 0) + 1 : 0
    depths.set(block.id, depth)
    const manifest = registry.get(block.type)?.manifest
    const parentSlots = parent && registry.get(parent.block.type)?.manifest.slots
    rows.push({
      id: block.id,
      type: block.type,
      label: manifest?.label ?? { en: block.type, 'zh-CN': block.type },
      icon: manifest?.icon ?? null,
      depth,
      parent: parent && { blockId: parent.block.id, slot: parent.slot },
      slotLabel: (parent && parentSlots?.[parent.slot]?.label) ?? null,
      index: Number(path.slice(path.lastIndexOf('.') + 1)),
      known: manifest !== undefined,
    })
  }
  return rows
}
