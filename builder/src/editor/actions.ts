import type { Position } from './position.ts'

/** A path into a block's props or the page root, e.g. `['slides', 2, 'image']`. */
export type PropPath = readonly (string | number)[]

/**
 * Everything the editor can do to a page. The UI changes the document only by dispatching these
 * into `reduce`, so undo and redo need no per-feature code.
 */
export type EditorAction =
  | { type: 'insert'; blockType: string; at: Position }
  | { type: 'move'; id: string; to: Position }
  | UpdatePropsAction
  | UpdateRootAction
  | { type: 'duplicate'; id: string }
  | { type: 'delete'; id: string }
  | { type: 'copy'; id: string }
  /** Without `at`, pastes after the selected block, or at the end of the page. */
  | { type: 'paste'; at?: Position }
  | { type: 'select'; id: string | null }

/**
 * Sets one prop; `value: undefined` removes an object key. Consecutive edits with the same
 * `coalesceKey` are one undo step: the inspector makes a new key per field per focus, so one
 * burst of typing undoes at once and the next burst is a step of its own.
 */
export interface UpdatePropsAction {
  type: 'update-props'
  id: string
  path: PropPath
  value: unknown
  coalesceKey?: string
}

/** Sets one field of the page root (title, SEO, theme); coalesces like `update-props`. */
export interface UpdateRootAction {
  type: 'update-root'
  path: PropPath
  value: unknown
  coalesceKey?: string
}

export type MoveAction = Extract<EditorAction, { type: 'move' }>

/** Why an action was refused; the UI translates by code, the message is for logs and tests. */
export const refusalCodes = [
  'unknown-block',
  'unknown-type',
  'unknown-slot',
  'bad-position',
  'not-allowed-here',
  'max-per-page',
  'into-itself',
  'unchanged',
  'at-edge',
  'bad-path',
  'empty-clipboard',
  'invalid-document',
  'nothing-to-undo',
  'nothing-to-redo',
] as const
export type RefusalCode = (typeof refusalCodes)[number]

export interface Refusal {
  code: RefusalCode
  message: string
}

/** Builds a refusal result. */
export function refuse(code: RefusalCode, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, message } }
}
