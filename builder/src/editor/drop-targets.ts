import { walkBlocks, type BlockRegistry } from '../../../core/src/page/index.ts'
import type { EditorAction } from './actions.ts'
import { sameList, type Position, type SlotRef } from './position.ts'
import { reduce } from './reducer.ts'
import type { EditorState } from './state.ts'
import { containsBlock, findBlock } from './tree.ts'

/** What is being dragged: a block type from the palette, or a block already on the page. */
export type Dragged = { blockType: string } | { blockId: string }

/**
 * Every position where dropping would be accepted, so the canvas draws a drop indicator only
 * there. Whether a list takes the block does not depend on the index, so each list (the root and
 * every declared slot outside the dragged block) is asked of the reducer once; a move's own gaps,
 * where dropping changes nothing, are left out.
 */
export function dropTargets(
  registry: BlockRegistry,
  state: EditorState,
  dragged: Dragged,
): Position[] {
  const blocks = state.document.blocks
  const moving = 'blockId' in dragged ? findBlock(blocks, dragged.blockId) : null
  if ('blockId' in dragged && !moving) return []

  const lists: { parent: SlotRef | null; length: number }[] = [
    { parent: null, length: blocks.length },
  ]
  for (const { block } of walkBlocks(blocks)) {
    if (moving && containsBlock(moving.block, block.id)) continue
    for (const slot of Object.keys(registry.get(block.type)?.manifest.slots ?? {}))
      lists.push({ parent: { blockId: block.id, slot }, length: block.slots?.[slot]?.length ?? 0 })
  }

  const targets: Position[] = []
  for (const { parent, length } of lists) {
    const own = moving && sameList(parent, moving.parent) ? moving.index : null
    const indices = Array.from({ length: length + 1 }, (_, index) => index).filter(
      (index) => own === null || (index !== own && index !== own + 1),
    )
    const first = indices[0]
    if (first === undefined) continue
    if (reduce(registry, state, dropAction(dragged, { parent, index: first })).ok)
      for (const index of indices) targets.push({ parent, index })
  }
  return targets
}

/** The action a drop at `to` dispatches. */
export function dropAction(dragged: Dragged, to: Position): EditorAction {
  return 'blockType' in dragged
    ? { type: 'insert', blockType: dragged.blockType, at: to }
    : { type: 'move', id: dragged.blockId, to }
}
