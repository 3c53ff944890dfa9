import { describe, expect, it } from 'vitest'
import type { PageDocument } from '../../../core/src/page/index.ts'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import { keyboardMove, type KeyboardMove } from './keyboard.ts'
import { reduce } from './reducer.ts'
import { createEditorState } from './state.ts'

/** Presses a key on a block and applies the move it stands for. */
const press = (document: PageDocument, id: string, direction: KeyboardMove) => {
  const move = keyboardMove(testRegistry, document, id, direction)
  if (!move.ok) return move
  const result = reduce(testRegistry, createEditorState(document), move.action)
  return result.ok ? { ok: true as const, document: result.state.document } : result
}
const moved = (document: PageDocument, id: string, direction: KeyboardMove) => {
  const result = press(document, id, direction)
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`)
  return result.document
}
const shape = (document: PageDocument): unknown =>
  document.blocks.map(function node(block): unknown {
    const slots = Object.entries(block.slots ?? {}).filter(([, children]) => children.length)
    return slots.length
      ? { [block.id]: Object.fromEntries(slots.map(([slot, list]) => [slot, list.map(node)])) }
      : block.id
  })

describe('keyboardMove', () => {
  it('moves a block up and down within its list, and refuses at the ends', () => {
    let document = moved(nestedPage(), 'hero', 'up')
    expect(shape(document)).toEqual(['head', 'hero', expect.anything(), 'line'])
    document = moved(document, 'head', 'down')
    expect(document.blocks.map((b) => b.id)).toEqual(['hero', 'head', 'cols', 'line'])
    expect(press(document, 'hero', 'up')).toMatchObject({ ok: false, refusal: { code: 'at-edge' } })
    expect(press(document, 'line', 'down')).toMatchObject({
      ok: false,
      refusal: { code: 'at-edge' },
    })
  })

  it("indents into the end of the previous sibling's first slot that takes the block", () => {
    const document = moved(nestedPage(), 'hero', 'indent')
    expect(shape(document)).toEqual([
      'head',
      { cols: { left: [{ card: { body: ['text'] } }, 'hero'], right: ['gap'] } },
      'line',
    ])
    // The left column does not take a divider, so it goes to the right one.
    const divider = moved(document, 'line', 'indent')
    expect(shape(divider)).toEqual([
      'head',
      { cols: { left: [{ card: { body: ['text'] } }, 'hero'], right: ['gap', 'line'] } },
    ])
  })

  it('refuses to indent without a previous block or without a slot that takes it', () => {
    expect(press(nestedPage(), 'head', 'indent')).toMatchObject({ refusal: { code: 'at-edge' } })
    expect(press(nestedPage(), 'line', 'indent')).toMatchObject({
      refusal: { code: 'not-allowed-here', message: 'No slot of core/banner takes core/divider' },
    })
    const headerAfterColumns = page([
      { id: 'c', type: 'layout/columns', props: {} },
      { id: 'h', type: 'core/header', props: {} },
    ])
    expect(press(headerAfterColumns, 'h', 'indent')).toMatchObject({
      refusal: { code: 'not-allowed-here' },
    })
  })

  it("outdents to just after the parent, and refuses where the parent's level does not take it", () => {
    const document = moved(nestedPage(), 'text', 'outdent')
    expect(shape(document)).toEqual([
      'head',
      { cols: { left: ['card', 'text'], right: ['gap'] } },
      'hero',
      'line',
    ])
    expect(shape(moved(document, 'gap', 'outdent'))).toEqual([
      'head',
      { cols: { left: ['card', 'text'] } },
      'gap',
      'hero',
      'line',
    ])
    expect(press(nestedPage(), 'card', 'outdent')).toMatchObject({
      refusal: { code: 'not-allowed-here', message: 'layout/card cannot be placed in root' },
    })
    expect(press(nestedPage(), 'cols', 'outdent')).toMatchObject({ refusal: { code: 'at-edge' } })
  })
})
