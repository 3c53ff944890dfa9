import type { BlockRegistry, PageDocument } from '../../../core/src/page/index.ts'
import { refuse, type MoveAction, type Refusal } from './actions.ts'
import { placementRefusal } from './placement.ts'
import { findBlock, listAt } from './tree.ts'

/** The outline's keyboard moves (e.g. Alt+↑, Alt+↓, Tab, Shift+Tab). */
export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent'

/**
 * The move action a keyboard move stands for, so it goes through the reducer and history like a
 * drag: up and down within the parent; indent to the end of the previous sibling's first slot that
 * takes the block; outdent to just after the parent block, in the parent's list.
 */
export function keyboardMove(
  registry: BlockRegistry,
  document: PageDocument,
  id: string,
  direction: KeyboardMove,
): { ok: true; action: MoveAction } | { ok: false; refusal: Refusal } {
  const blocks = document.blocks
  const here = findBlock(blocks, id)
  if (!here) return refuse('unknown-block', `No block ${id} on the page`)
  const siblings = listAt(blocks, here.parent) ?? []
  const move = (parent: MoveAction['to']['parent'], index: number) =>
    ({ ok: true, action: { type: 'move', id, to: { parent, index } } }) as const

  switch (direction) {
    case 'up':
      if (here.index === 0) return refuse('at-edge', `${id} is already first`)
      return move(here.parent, here.index - 1)
    case 'down':
      if (here.index === siblings.length - 1) return refuse('at-edge', `${id} is already last`)
      // Positions count the list before the move: after the next sibling is index + 2.
      return move(here.parent, here.index + 2)
    case 'indent': {
      const previous = siblings[here.index - 1]
      if (!previous) return refuse('at-edge', `${id} has no previous block to go into`)
      for (const slot of Object.keys(registry.get(previous.type)?.manifest.slots ?? {})) {
        const parent = { blockId: previous.id, slot }
        if (!placementRefusal(registry, blocks, here.block, parent, false))
          return move(parent, previous.slots?.[slot]?.length ?? 0)
      }
      return refuse('not-allowed-here', `No slot of ${previous.type} takes ${here.block.type}`)
    }
    case 'outdent': {
      if (!here.parent) return refuse('at-edge', `${id} is already at the top level`)
      const parent = findBlock(blocks, here.parent.blockId)
      if (!parent) return refuse('unknown-block', `No block ${here.parent.blockId} on the page`)
      const problem = placementRefusal(registry, blocks, here.block, parent.parent, false)
      if (problem) return { ok: false, refusal: problem }
      return move(parent.parent, parent.index + 1)
    }
  }
}
