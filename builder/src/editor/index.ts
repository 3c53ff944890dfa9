/**
 * The page editor's document model: browser-safe, no DOM. The UI holds a `History`, sends every
 * change through `dispatch`, and reads the outline, drop targets and publish problems from it.
 */
export {
  refusalCodes,
  type EditorAction,
  type MoveAction,
  type PropPath,
  type Refusal,
  type RefusalCode,
  type UpdatePropsAction,
  type UpdateRootAction,
} from './actions.ts'
export { dropAction, dropTargets, type Dragged } from './drop-targets.ts'
export {
  HISTORY_DEPTH,
  canRedo,
  canUndo,
  createHistory,
  dispatch,
  type DispatchResult,
  type History,
  type HistoryAction,
  type Snapshot,
} from './history.ts'
export { keyboardMove, type KeyboardMove } from './keyboard.ts'
export { outline, type OutlineRow } from './outline.ts'
export { placementRefusal } from './placement.ts'
export type { Position, SlotRef } from './position.ts'
export { publishCheck, type BlockProblem } from './publish-check.ts'
export { afterSelection, reduce, type ReduceResult } from './reducer.ts'
export { createEditorState, type EditorState } from './state.ts'
