import { walkBlocks, type BlockNode } from '../../../core/src/page/index.ts'
import type { SlotRef } from './position.ts'

/** Where a block sits: its parent list and its index there. */
export interface BlockLocation {
  block: BlockNode
  parent: SlotRef | null
  index: number
}

/** Finds a block anywhere in the tree. */
export function findBlock(blocks: readonly BlockNode[], id: string): BlockLocation | null {
  for (const { block, path, parent } of walkBlocks(blocks))
    if (block.id === id)
      return {
        block,
        parent: parent && { blockId: parent.block.id, slot: parent.slot },
        index: Number(path.slice(path.lastIndexOf('.') + 1)),
      }
  return null
}

/** The blocks of the root list or of a block's slot; null when the parent block is missing. */
export function listAt(blocks: readonly BlockNode[], parent: SlotRef | null): BlockNode[] | null {
  if (!parent) return [...blocks]
  const found = findBlock(blocks, parent.blockId)
  return found ? (found.block.slots?.[parent.slot] ?? []) : null
}

/** Whether `id` is the block itself or one of its descendants. */
export function containsBlock(block: BlockNode, id: string): boolean {
  for (const entry of walkBlocks([block])) if (entry.block.id === id) return true
  return false
}

/**
 * Replaces one block, keeping every untouched node (and list) the same object, so a renderer
 * that compares by reference redraws only the changed path.
 */
export function replaceBlock(
  blocks: BlockNode[],
  id: string,
  replace: (block: BlockNode) => BlockNode,
): BlockNode[] {
  let changed = false
  const next = blocks.map((block) => {
    if (block.id === id) {
      changed = true
      return replace(block)
    }
    if (!block.slots) return block
    let slotsChanged = false
    const slots = Object.fromEntries(
      Object.entries(block.slots).map(([name, children]) => {
        const updated = replaceBlock(children, id, replace)
        if (updated !== children) slotsChanged = true
        return [name, updated]
      }),
    )
    if (!slotsChanged) return block
    changed = true
    return { ...block, slots }
  })
  return changed ? next : blocks
}

/** Rewrites the root list or one slot's list. */
export function updateList(
  blocks: BlockNode[],
  parent: SlotRef | null,
  update: (list: BlockNode[]) => BlockNode[],
): BlockNode[] {
  if (!parent) return update(blocks)
  return replaceBlock(blocks, parent.blockId, (block) => ({
    ...block,
    slots: { ...block.slots, [parent.slot]: update(block.slots?.[parent.slot] ?? []) },
  }))
}

/** Inserts a block into a list at an index. */
export function insertAt(
  blocks: BlockNode[],
  parent: SlotRef | null,
  index: number,
  node: BlockNode,
): BlockNode[] {
  return updateList(blocks, parent, (list) => list.toSpliced(index, 0, node))
}

/** Removes a located block (with its subtree). */
export function removeAt(blocks: BlockNode[], location: BlockLocation): BlockNode[] {
  return updateList(blocks, location.parent, (list) => list.toSpliced(location.index, 1))
}

/** Counts the blocks of each type in a tree. */
export function countTypes(blocks: readonly BlockNode[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { block } of walkBlocks(blocks))
    counts.set(block.type, (counts.get(block.type) ?? 0) + 1)
  return counts
}

/**
 * A deep copy of a block and its subtree. Props are copied too, not shared, so a UI store that
 * edits in place can never change two blocks at once. Page documents are JSON, so JSON copies.
 */
export function copyBlock(block: BlockNode, id: (block: BlockNode) => string): BlockNode {
  return {
    id: id(block),
    type: block.type,
    props: JSON.parse(JSON.stringify(block.props)) as Record<string, unknown>,
    ...(block.slots
      ? {
          slots: Object.fromEntries(
            Object.entries(block.slots).map(([name, children]) => [
              name,
              children.map((child) => copyBlock(child, id)),
            ]),
          ),
        }
      : {}),
  }
}
