import {
  placementProblems,
  type BlockNode,
  type BlockRegistry,
  type PlacementParent,
} from '../../../core/src/page/index.ts'
import type { Refusal } from './actions.ts'
import type { SlotRef } from './position.ts'
import { countTypes, findBlock } from './tree.ts'

/**
 * Why `node` (with its subtree) cannot go into the root list or a slot, or null when it can: the
 * parent must declare the slot, the core's `placementProblems` (slot `allow`, `allowIn`) must
 * find none, and when `adding` (insert, paste, duplicate; a move changes no count) no type may
 * pass its `maxPerPage`. These are the rules `validatePage` checks on publish, asked of one
 * position before the change instead of the whole page after it.
 */
export function placementRefusal(
  registry: BlockRegistry,
  blocks: readonly BlockNode[],
  node: BlockNode,
  parent: SlotRef | null,
  adding: boolean,
): Refusal | null {
  let at: PlacementParent = null
  if (parent) {
    const parentBlock = findBlock(blocks, parent.blockId)?.block
    if (!parentBlock)
      return { code: 'unknown-block', message: `No block ${parent.blockId} on the page` }
    if (!registry.get(parentBlock.type)?.manifest.slots?.[parent.slot])
      return { code: 'unknown-slot', message: `${parentBlock.type} has no slot ${parent.slot}` }
    at = { type: parentBlock.type, slot: parent.slot }
  }
  const [problem] = placementProblems(registry, node.type, at)
  if (problem) return { code: 'not-allowed-here', message: problem }
  if (!adding) return null

  const onPage = countTypes(blocks)
  for (const [type, count] of countTypes([node])) {
    const entry = registry.get(type)
    if (!entry) return { code: 'unknown-type', message: `Unknown block type ${type}` }
    const max = entry.manifest.placement?.maxPerPage
    if (max !== undefined && (onPage.get(type) ?? 0) + count > max)
      return { code: 'max-per-page', message: `At most ${max} of ${type} per page` }
  }
  return null
}
