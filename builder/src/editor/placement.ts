import type { BlockNode, BlockRegistry } from '../../../core/src/page/index.ts'
import { countTypes, findBlock } from './tree.ts'
import type { Refusal } from './actions.ts'
import type { SlotRef } from './position.ts'

/**
 * Why `node` (with its subtree) cannot go into the root list or a slot, or null when it can: the
 * parent must declare the slot and its `allow` list must take the type, the type's
 * `placement.allowIn` must name the location, and when `adding` (insert, paste, duplicate; a move
 * changes no count) no type may pass its `maxPerPage`. These are the rules `validatePage` checks
 * on publish, asked of one position before the change instead of the whole page after it.
 */
export function placementRefusal(
  registry: BlockRegistry,
  blocks: readonly BlockNode[],
  node: BlockNode,
  parent: SlotRef | null,
  adding: boolean,
): Refusal | null {
  let location = 'root'
  if (parent) {
    const parentBlock = findBlock(blocks, parent.blockId)?.block
    if (!parentBlock)
      return { code: 'unknown-block', message: `No block ${parent.blockId} on the page` }
    const slot = registry.get(parentBlock.type)?.manifest.slots?.[parent.slot]
    if (!slot)
      return { code: 'unknown-slot', message: `${parentBlock.type} has no slot ${parent.slot}` }
    location = `${parentBlock.type}.${parent.slot}`
    if (slot.allow && !slot.allow.includes(node.type))
      return { code: 'not-allowed-here', message: `${node.type} is not allowed in ${location}` }
  }
  const allowIn = registry.get(node.type)?.manifest.placement?.allowIn
  if (allowIn && !allowIn.includes(location))
    return { code: 'not-allowed-here', message: `${node.type} cannot be placed in ${location}` }
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
