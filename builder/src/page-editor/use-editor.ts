import { createSignal } from 'solid-js'
import type { BlockRegistry, PageDocument } from '../../../core/src/page/index.ts'
import {
  canRedo,
  canUndo,
  createEditorState,
  createHistory,
  dispatch,
  type HistoryAction,
  type Refusal,
} from '../editor/index.ts'

/** The editor's document model as Solid signals: every change goes through `act`. */
export function useEditor(registry: BlockRegistry, document: PageDocument) {
  const [history, setHistory] = createSignal(createHistory(createEditorState(document)))
  const [refusal, setRefusal] = createSignal<Refusal | null>(null)
  const state = () => history().present
  /** Dispatches `action`; a refusal is kept for the UI to say, and returns false. */
  const act = (action: HistoryAction): boolean => {
    const result = dispatch(registry, history(), action)
    if (!result.ok) {
      setRefusal(result.refusal)
      return false
    }
    setRefusal(null)
    setHistory(result.history)
    return true
  }
  return {
    registry,
    state,
    document: () => state().document,
    selection: () => state().selection,
    act,
    refusal,
    canUndo: () => canUndo(history()),
    canRedo: () => canRedo(history()),
  }
}

/** The editor as the screen's parts share it. */
export type Editor = ReturnType<typeof useEditor>

let focusCount = 0
/**
 * A fresh `coalesceKey` for one field: made on focus, so a burst of typing is one undo step and
 * the next focus starts another.
 */
export const nextCoalesceKey = (field: string) => `${field}#${++focusCount}`
