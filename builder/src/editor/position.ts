/** A named slot of a block on the page. */
export interface SlotRef {
  blockId: string
  slot: string
}

/**
 * A gap in a list of blocks: the page's root list (`parent: null`) or a block's named slot. The
 * index counts the list as it is now, from 0 (before the first block) to its length (after the
 * last), so a drop indicator drawn between two blocks maps to one position.
 */
export interface Position {
  parent: SlotRef | null
  index: number
}

/** Whether two positions name the same list. */
export function sameList(a: SlotRef | null, b: SlotRef | null): boolean {
  return a === null || b === null ? a === b : a.blockId === b.blockId && a.slot === b.slot
}
