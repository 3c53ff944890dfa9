import type { BlockNode, PageDocument } from '../../../core/src/page/index.ts'

/** What the page editor holds: the document, the selected block and the copied block. */
export interface EditorState {
  document: PageDocument
  /** The selected block's id, or null. */
  selection: string | null
  /** A copy of the last copied block with its subtree; pasting gives it fresh ids. */
  clipboard: BlockNode | null
  /**
   * The counter fresh block ids are made from. It only grows (undo does not rewind it), so one
   * session never hands out an id twice, and the reducer stays pure.
   */
  nextId: number
}

/** The editor's state for a page just opened. */
export function createEditorState(document: PageDocument): EditorState {
  return { document, selection: null, clipboard: null, nextId: 1 }
}
