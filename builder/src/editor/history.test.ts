import { describe, expect, it } from 'vitest'
import type { PageDocument } from '../../../core/src/page/index.ts'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import {
  canRedo,
  canUndo,
  createHistory,
  dispatch,
  type History,
  type HistoryAction,
} from './history.ts'
import { createEditorState } from './state.ts'

const run = (history: History, action: HistoryAction, depth?: number): History => {
  const result = dispatch(testRegistry, history, action, depth)
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`)
  return result.history
}
const start = (document: PageDocument = nestedPage()) => createHistory(createEditorState(document))
const undoAll = (history: History): { history: History; documents: PageDocument[] } => {
  const documents: PageDocument[] = []
  while (canUndo(history)) {
    history = run(history, { type: 'undo' })
    documents.push(history.present.document)
  }
  return { history, documents }
}

describe('history', () => {
  it('undoes and redoes a block moved into a slot, edited and moved out, step by step', () => {
    const actions: HistoryAction[] = [
      { type: 'insert', blockType: 'core/rich-text', at: { parent: null, index: 4 } },
      {
        type: 'move',
        id: 'rich-text-1',
        to: { parent: { blockId: 'card', slot: 'body' }, index: 0 },
      },
      { type: 'update-props', id: 'rich-text-1', path: ['html', 'en'], value: '<p>Hi</p>' },
      { type: 'move', id: 'card', to: { parent: { blockId: 'cols', slot: 'right' }, index: 1 } },
      { type: 'update-props', id: 'rich-text-1', path: ['align'], value: 'center' },
      { type: 'move', id: 'rich-text-1', to: { parent: null, index: 0 } },
    ]
    let history = start()
    const documents = [history.present.document]
    for (const action of actions) {
      history = run(history, action)
      documents.push(history.present.document)
    }
    expect(history.present.document.blocks[0]).toMatchObject({
      id: 'rich-text-1',
      props: { html: { en: '<p>Hi</p>' }, align: 'center' },
    })

    for (let step = actions.length - 1; step >= 0; step--) {
      history = run(history, { type: 'undo' })
      expect(history.present.document).toEqual(documents[step])
    }
    expect(canUndo(history)).toBe(false)
    for (let step = 1; step <= actions.length; step++) {
      history = run(history, { type: 'redo' })
      expect(history.present.document).toEqual(documents[step])
    }
    expect(canRedo(history)).toBe(false)
  })

  it('restores the selection of each step and keeps the clipboard', () => {
    let history = run(start(), { type: 'copy', id: 'gap' })
    history = run(history, { type: 'select', id: 'hero' })
    history = run(history, { type: 'delete', id: 'hero' })
    expect(history.present.selection).toBeNull()
    history = run(history, { type: 'undo' })
    expect(history.present.selection).toBe('hero')
    expect(history.present.clipboard?.id).toBe('gap')
  })

  it('does not record selecting or copying as steps', () => {
    let history = run(start(), { type: 'select', id: 'hero' })
    history = run(history, { type: 'copy', id: 'hero' })
    expect(canUndo(history)).toBe(false)
    expect(dispatch(testRegistry, history, { type: 'undo' })).toEqual({
      ok: false,
      refusal: { code: 'nothing-to-undo', message: 'Nothing to undo' },
    })
  })

  it('makes one step of a typing burst with one coalesceKey, and a new step for the next key', () => {
    let history = start()
    for (const value of ['H', 'Ho', 'Hom', 'Home'])
      history = run(history, {
        type: 'update-root',
        path: ['title', 'en'],
        value,
        coalesceKey: 'a',
      })
    history = run(history, { type: 'select', id: 'hero' })
    for (const value of ['首', '首页'])
      history = run(history, {
        type: 'update-root',
        path: ['title', 'zh-CN'],
        value,
        coalesceKey: 'b',
      })
    history = run(history, {
      type: 'update-props',
      id: 'cols',
      path: ['height'],
      value: 1,
      coalesceKey: 'b2',
    })
    history = run(history, { type: 'update-props', id: 'cols', path: ['height'], value: 12 })
    history = run(history, { type: 'update-props', id: 'cols', path: ['height'], value: 13 })
    expect(history.past).toHaveLength(5)

    const titles = undoAll(history).documents.map((document) => document.root.title)
    expect(titles).toEqual([
      { en: 'Home', 'zh-CN': '首页' },
      { en: 'Home', 'zh-CN': '首页' },
      { en: 'Home', 'zh-CN': '首页' },
      { en: 'Home' },
      {},
    ])
  })

  it('starts a new step after an undo even with the same coalesceKey', () => {
    let history = start()
    history = run(history, {
      type: 'update-root',
      path: ['title', 'en'],
      value: 'A',
      coalesceKey: 'k',
    })
    history = run(history, {
      type: 'update-root',
      path: ['title', 'en'],
      value: 'AB',
      coalesceKey: 'k',
    })
    history = run(history, { type: 'undo' })
    history = run(history, {
      type: 'update-root',
      path: ['title', 'en'],
      value: 'X',
      coalesceKey: 'k',
    })
    expect(history.past).toHaveLength(1)
    history = run(history, { type: 'undo' })
    expect(history.present.document.root.title).toEqual({})
  })

  it('clears redo on a new change', () => {
    let history = run(start(), { type: 'delete', id: 'hero' })
    history = run(history, { type: 'undo' })
    expect(canRedo(history)).toBe(true)
    history = run(history, { type: 'delete', id: 'line' })
    expect(canRedo(history)).toBe(false)
    expect(dispatch(testRegistry, history, { type: 'redo' })).toMatchObject({
      ok: false,
      refusal: { code: 'nothing-to-redo' },
    })
  })

  it('keeps at most `depth` steps, dropping the oldest', () => {
    let history = start(page([]))
    for (let i = 0; i < 5; i++)
      history = run(
        history,
        { type: 'insert', blockType: 'core/spacer', at: { parent: null, index: i } },
        3,
      )
    expect(history.past).toHaveLength(3)
    expect(undoAll(history).history.present.document.blocks).toHaveLength(2)
  })

  it('leaves the history as it was when an action is refused', () => {
    const history = start()
    expect(
      dispatch(testRegistry, history, { type: 'move', id: 'cols', to: { parent: null, index: 1 } }),
    ).toMatchObject({ ok: false, refusal: { code: 'unchanged' } })
    expect(history.past).toEqual([])
  })
})
