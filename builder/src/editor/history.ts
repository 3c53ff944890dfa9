import type { BlockRegistry, PageDocument } from '../../../core/src/page/index.ts'
import { refuse, type EditorAction, type Refusal } from './actions.ts'
import { reduce } from './reducer.ts'
import type { EditorState } from './state.ts'

/** How many undo steps the editor keeps by default. */
export const HISTORY_DEPTH = 200

/** A page as it was before or after one undo step, with the selection of that moment. */
export interface Snapshot {
  document: PageDocument
  selection: string | null
}

/** The editor state with its undo and redo stacks. */
export interface History {
  present: EditorState
  /** Oldest first; the last entry is what undo returns to. */
  past: Snapshot[]
  /** Nearest first; the first entry is what redo returns to. */
  future: Snapshot[]
  /** The `coalesceKey` of the last recorded step, while the next edit may still join it. */
  coalesceKey: string | null
}

export type HistoryAction = EditorAction | { type: 'undo' } | { type: 'redo' }

export type DispatchResult = { ok: true; history: History } | { ok: false; refusal: Refusal }

/** A history with nothing to undo or redo. */
export function createHistory(present: EditorState): History {
  return { present, past: [], future: [], coalesceKey: null }
}

/**
 * Applies an action and records it: every document change is one undo step (select and copy are
 * not), consecutive edits with the same `coalesceKey` are one step, a new change clears redo, and
 * the oldest steps fall off past `depth`. The clipboard and the id counter are never rewound.
 */
export function dispatch(
  registry: BlockRegistry,
  history: History,
  action: HistoryAction,
  depth = HISTORY_DEPTH,
): DispatchResult {
  if (action.type === 'undo') return undo(history)
  if (action.type === 'redo') return redo(history)
  const result = reduce(registry, history.present, action)
  if (!result.ok) return result
  const present = result.state
  if (present.document === history.present.document)
    return { ok: true, history: { ...history, present } }
  const key = 'coalesceKey' in action ? (action.coalesceKey ?? null) : null
  if (key !== null && key === history.coalesceKey && history.past.length > 0)
    return { ok: true, history: { ...history, present, future: [] } }
  const past = [...history.past, snapshot(history.present)].slice(-depth)
  return { ok: true, history: { present, past, future: [], coalesceKey: key } }
}

function undo(history: History): DispatchResult {
  const previous = history.past.at(-1)
  if (!previous) return refuse('nothing-to-undo', 'Nothing to undo')
  return {
    ok: true,
    history: {
      present: { ...history.present, ...previous },
      past: history.past.slice(0, -1),
      future: [snapshot(history.present), ...history.future],
      coalesceKey: null,
    },
  }
}

function redo(history: History): DispatchResult {
  const [next, ...future] = history.future
  if (!next) return refuse('nothing-to-redo', 'Nothing to redo')
  return {
    ok: true,
    history: {
      present: { ...history.present, ...next },
      past: [...history.past, snapshot(history.present)],
      future,
      coalesceKey: null,
    },
  }
}

function snapshot(state: EditorState): Snapshot {
  return { document: state.document, selection: state.selection }
}

/** Whether undo would do something (for the toolbar button). */
export const canUndo = (history: History): boolean => history.past.length > 0

/** Whether redo would do something (for the toolbar button). */
export const canRedo = (history: History): boolean => history.future.length > 0
