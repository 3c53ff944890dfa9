import { describe, expect, it } from 'vitest'
import { validatePage, walkBlocks, type PageDocument } from '../../../core/src/page/index.ts'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import type { EditorAction } from './actions.ts'
import { reduce } from './reducer.ts'
import { createEditorState, type EditorState } from './state.ts'

const apply = (state: EditorState, action: EditorAction): EditorState => {
  const result = reduce(testRegistry, state, action)
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`)
  return result.state
}
const refusal = (state: EditorState, action: EditorAction) => {
  const result = reduce(testRegistry, state, action)
  return result.ok ? null : result.refusal
}
const ids = (document: PageDocument) => [...walkBlocks(document.blocks)].map((e) => e.block.id)
const idsIn = (document: PageDocument, blockId: string, slot: string) =>
  [...walkBlocks(document.blocks)]
    .find((e) => e.block.id === blockId)
    ?.block.slots?.[slot]?.map((b) => b.id)
const rootIds = (document: PageDocument) => document.blocks.map((b) => b.id)
const nested = () => createEditorState(nestedPage())

describe('reduce: insert', () => {
  it('inserts a palette block with its defaults and a fresh id, and selects it', () => {
    const state = apply(createEditorState(page([])), {
      type: 'insert',
      blockType: 'core/banner',
      at: { parent: null, index: 0 },
    })
    const [banner] = state.document.blocks
    expect(banner).toEqual({
      id: 'banner-1',
      type: 'core/banner',
      props: { slides: [], autoplay: true, intervalMs: 4000, aspect: '2:1' },
    })
    expect(state.selection).toBe('banner-1')
  })

  it('gives a block with slots empty slot lists and places it in a slot at an index', () => {
    const state = apply(nested(), {
      type: 'insert',
      blockType: 'layout/card',
      at: { parent: { blockId: 'cols', slot: 'right' }, index: 0 },
    })
    const card = state.document.blocks[1]?.slots?.right?.[0]
    expect(card).toMatchObject({ type: 'layout/card', slots: { body: [] } })
    expect(idsIn(state.document, 'cols', 'right')).toEqual([card?.id, 'gap'])
  })

  it('never reuses an id already on the page', () => {
    const state = apply(
      createEditorState(page([{ id: 'spacer-1', type: 'core/spacer', props: {} }])),
      {
        type: 'insert',
        blockType: 'core/spacer',
        at: { parent: null, index: 1 },
      },
    )
    expect(rootIds(state.document)).toEqual(['spacer-1', 'spacer-2'])
  })

  it('refuses placements the manifests forbid, naming the rule', () => {
    const state = nested()
    const left = { blockId: 'cols', slot: 'left' }
    expect(
      refusal(state, { type: 'insert', blockType: 'core/header', at: { parent: null, index: 4 } }),
    ).toEqual({ code: 'max-per-page', message: 'At most 1 of core/header per page' })
    expect(
      refusal(state, { type: 'insert', blockType: 'core/tab-bar', at: { parent: left, index: 0 } }),
    ).toEqual({
      code: 'not-allowed-here',
      message: 'core/tab-bar is not allowed in layout/columns.left',
    })
    expect(
      refusal(state, {
        type: 'insert',
        blockType: 'core/tab-bar',
        at: { parent: { blockId: 'cols', slot: 'right' }, index: 0 },
      }),
    ).toEqual({
      code: 'not-allowed-here',
      message: 'core/tab-bar cannot be placed in layout/columns.right',
    })
    expect(
      refusal(state, { type: 'insert', blockType: 'layout/card', at: { parent: null, index: 0 } }),
    ).toMatchObject({ code: 'not-allowed-here' })
    expect(
      refusal(state, {
        type: 'insert',
        blockType: 'core/spacer',
        at: { parent: { blockId: 'cols', slot: 'middle' }, index: 0 },
      }),
    ).toMatchObject({ code: 'unknown-slot' })
    expect(
      refusal(state, {
        type: 'insert',
        blockType: 'core/spacer',
        at: { parent: { blockId: 'hero', slot: 'left' }, index: 0 },
      }),
    ).toMatchObject({ code: 'unknown-slot' })
    expect(
      refusal(state, { type: 'insert', blockType: 'core/nope', at: { parent: null, index: 0 } }),
    ).toMatchObject({ code: 'unknown-type' })
    expect(
      refusal(state, { type: 'insert', blockType: 'core/spacer', at: { parent: null, index: 5 } }),
    ).toMatchObject({ code: 'bad-position' })
    expect(
      refusal(state, {
        type: 'insert',
        blockType: 'core/spacer',
        at: { parent: { blockId: 'gone', slot: 'left' }, index: 0 },
      }),
    ).toMatchObject({ code: 'unknown-block' })
  })

  it('refuses a 201st root block, which the page document does not allow', () => {
    const full = createEditorState(
      page(
        Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, type: 'core/spacer', props: {} })),
      ),
    )
    expect(
      refusal(full, { type: 'insert', blockType: 'core/spacer', at: { parent: null, index: 0 } }),
    ).toMatchObject({ code: 'invalid-document' })
  })
})

describe('reduce: move', () => {
  it('moves within a list, counting the target index before the move', () => {
    let state = nested()
    state = apply(state, { type: 'move', id: 'head', to: { parent: null, index: 3 } })
    expect(rootIds(state.document)).toEqual(['cols', 'hero', 'head', 'line'])
    state = apply(state, { type: 'move', id: 'line', to: { parent: null, index: 0 } })
    expect(rootIds(state.document)).toEqual(['line', 'cols', 'hero', 'head'])
    expect(state.selection).toBe('line')
  })

  it('moves into a nested slot and back out to the root', () => {
    let state = nested()
    state = apply(state, {
      type: 'move',
      id: 'hero',
      to: { parent: { blockId: 'cols', slot: 'left' }, index: 1 },
    })
    expect(rootIds(state.document)).toEqual(['head', 'cols', 'line'])
    expect(idsIn(state.document, 'cols', 'left')).toEqual(['card', 'hero'])
    state = apply(state, {
      type: 'move',
      id: 'text',
      to: { parent: { blockId: 'cols', slot: 'right' }, index: 1 },
    })
    expect(idsIn(state.document, 'card', 'body')).toEqual([])
    expect(idsIn(state.document, 'cols', 'right')).toEqual(['gap', 'text'])
    state = apply(state, { type: 'move', id: 'hero', to: { parent: null, index: 0 } })
    expect(rootIds(state.document)).toEqual(['hero', 'head', 'cols', 'line'])
    expect(validatePage(state.document, testRegistry).problems).toEqual([])
  })

  it('refuses moving a block into its own subtree, or to where it already is', () => {
    const state = apply(nested(), {
      type: 'move',
      id: 'hero',
      to: { parent: { blockId: 'cols', slot: 'left' }, index: 0 },
    })
    expect(
      refusal(state, {
        type: 'move',
        id: 'cols',
        to: { parent: { blockId: 'cols', slot: 'right' }, index: 0 },
      }),
    ).toMatchObject({ code: 'into-itself' })
    const inner = apply(state, {
      type: 'insert',
      blockType: 'layout/columns',
      at: { parent: { blockId: 'cols', slot: 'left' }, index: 0 },
    })
    expect(
      refusal(inner, {
        type: 'move',
        id: 'cols',
        to: { parent: { blockId: inner.selection ?? '', slot: 'right' }, index: 0 },
      }),
    ).toMatchObject({ code: 'into-itself' })
    expect(
      refusal(state, { type: 'move', id: 'head', to: { parent: null, index: 1 } }),
    ).toMatchObject({ code: 'unchanged' })
  })

  it('refuses moves the placement rules forbid, but ignores maxPerPage (a move adds nothing)', () => {
    const state = nested()
    expect(
      refusal(state, {
        type: 'move',
        id: 'head',
        to: { parent: { blockId: 'cols', slot: 'right' }, index: 0 },
      }),
    ).toMatchObject({ code: 'not-allowed-here' })
    expect(
      refusal(state, { type: 'move', id: 'card', to: { parent: null, index: 0 } }),
    ).toMatchObject({ code: 'not-allowed-here' })
    expect(refusal(state, { type: 'move', id: 'head', to: { parent: null, index: 4 } })).toBeNull()
  })
})

describe('reduce: props and root', () => {
  it('sets a prop at a nested path, appending to a list at its length', () => {
    let state = nested()
    const slide = { image: '/media/a.webp', alt: {} }
    state = apply(state, { type: 'update-props', id: 'hero', path: ['slides', 0], value: slide })
    state = apply(state, {
      type: 'update-props',
      id: 'hero',
      path: ['slides', 0, 'image'],
      value: '/media/b.webp',
    })
    expect(state.document.blocks[2]?.props.slides).toEqual([{ image: '/media/b.webp', alt: {} }])
    expect(nestedPage().blocks[2]?.props.slides).toEqual([])
  })

  it('removes an object key with undefined and refuses paths that lead nowhere', () => {
    const state = apply(nested(), {
      type: 'update-props',
      id: 'gap',
      path: ['height'],
      value: undefined,
    })
    expect(state.document.blocks[1]?.slots?.right?.[0]?.props).toEqual({})
    expect(
      refusal(state, { type: 'update-props', id: 'hero', path: ['slides', 3], value: {} }),
    ).toMatchObject({ code: 'bad-path' })
    expect(
      refusal(state, { type: 'update-props', id: 'cols', path: ['height', 'x'], value: 1 }),
    ).toMatchObject({ code: 'bad-path' })
    expect(
      refusal(state, { type: 'update-props', id: 'cols', path: ['__proto__', 'x'], value: 1 }),
    ).toMatchObject({ code: 'bad-path' })
    expect(
      refusal(state, { type: 'update-props', id: 'cols', path: ['height'], value: 16 }),
    ).toMatchObject({ code: 'unchanged' })
    expect(
      refusal(state, { type: 'update-props', id: 'gone', path: ['height'], value: 1 }),
    ).toMatchObject({ code: 'unknown-block' })
  })

  it('keeps invalid prop values (the publish check names them)', () => {
    const state = apply(nested(), { type: 'update-props', id: 'cols', path: ['height'], value: -5 })
    expect(state.document.blocks[1]?.props.height).toBe(-5)
  })

  it('updates the root, refusing values the page document rejects', () => {
    const state = apply(nested(), { type: 'update-root', path: ['title', 'en'], value: 'Home' })
    expect(state.document.root.title).toEqual({ en: 'Home' })
    const themed = apply(state, {
      type: 'update-root',
      path: ['theme', 'primary'],
      value: '#ff0000',
    })
    expect(themed.document.root.theme.primary).toBe('#ff0000')
    expect(
      refusal(state, { type: 'update-root', path: ['theme', 'primary'], value: 'red' }),
    ).toMatchObject({
      code: 'invalid-document',
      message: expect.stringMatching(/^root\.theme\.primary/),
    })
  })
})

describe('reduce: duplicate, delete, copy and paste', () => {
  it('duplicates a subtree after the original with fresh ids', () => {
    const state = apply(nested(), { type: 'duplicate', id: 'cols' })
    expect(rootIds(state.document)).toEqual(['head', 'cols', state.selection, 'hero', 'line'])
    const all = ids(state.document)
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(11)
    expect(validatePage(state.document, testRegistry).problems).toEqual([])
    expect(state.document.blocks[2]?.slots?.left?.[0]?.type).toBe('layout/card')
  })

  it('copies props deeply, so editing the copy leaves the original alone', () => {
    let state = apply(nested(), {
      type: 'update-props',
      id: 'hero',
      path: ['slides', 0],
      value: { image: '/a.webp', alt: {} },
    })
    state = apply(state, { type: 'duplicate', id: 'hero' })
    expect(state.document.blocks[3]?.props.slides).not.toBe(state.document.blocks[2]?.props.slides)
    expect(state.document.blocks[3]?.props.slides).toEqual(state.document.blocks[2]?.props.slides)
  })

  it('refuses to duplicate a block limited to one per page', () => {
    expect(refusal(nested(), { type: 'duplicate', id: 'head' })).toMatchObject({
      code: 'max-per-page',
    })
  })

  it('deletes a subtree and drops a selection inside it', () => {
    let state = apply(nested(), { type: 'select', id: 'text' })
    state = apply(state, { type: 'delete', id: 'cols' })
    expect(ids(state.document)).toEqual(['head', 'hero', 'line'])
    expect(state.selection).toBeNull()
    state = apply(apply(state, { type: 'select', id: 'hero' }), { type: 'delete', id: 'line' })
    expect(state.selection).toBe('hero')
  })

  it('pastes a copy with fresh ids every time, after the selection by default', () => {
    const start = nested()
    let state = apply(start, { type: 'copy', id: 'card' })
    expect(state.document).toBe(start.document)
    state = apply(state, { type: 'select', id: 'card' })
    state = apply(state, { type: 'paste' })
    state = apply(state, {
      type: 'paste',
      at: { parent: { blockId: 'cols', slot: 'right' }, index: 0 },
    })
    const all = ids(state.document)
    expect(new Set(all).size).toBe(all.length)
    expect(idsIn(state.document, 'cols', 'left')).toEqual(['card', expect.stringMatching(/^card-/)])
    expect(idsIn(state.document, 'cols', 'right')).toEqual([state.selection, 'gap'])
    expect(refusal(state, { type: 'paste', at: { parent: null, index: 0 } })).toMatchObject({
      code: 'not-allowed-here',
    })
    expect(refusal(nested(), { type: 'paste' })).toMatchObject({ code: 'empty-clipboard' })
  })

  it('pastes a block with its whole subtree, every nested block under a fresh id', () => {
    const start = nested()
    let state = apply(start, { type: 'copy', id: 'cols' })
    state = apply(state, { type: 'paste', at: { parent: null, index: 4 } })
    const pasted = state.document.blocks[4]
    expect(pasted?.type).toBe('layout/columns')
    const copied = [...walkBlocks([pasted!])].map((e) => e.block)
    expect(copied.map((b) => b.type)).toEqual([
      'layout/columns',
      'layout/card',
      'core/rich-text',
      'core/spacer',
    ])
    const before = new Set(ids(start.document))
    expect(copied.every((b) => !before.has(b.id))).toBe(true)
    expect(state.selection).toBe(pasted?.id)
    // The original subtree is untouched.
    expect(idsIn(state.document, 'cols', 'left')).toEqual(['card'])
    expect(validatePage(state.document, testRegistry).problems).toEqual([])
  })

  it('pastes the block as it was copied, not as it was edited later', () => {
    let state = apply(nested(), { type: 'copy', id: 'gap' })
    state = apply(state, { type: 'update-props', id: 'gap', path: ['height'], value: 99 })
    state = apply(state, { type: 'paste', at: { parent: null, index: 0 } })
    expect(state.document.blocks[0]?.props).toEqual({ height: 8 })
  })
})

describe('reduce: select', () => {
  it('selects a block or nothing, and refuses an unknown id without changing the document', () => {
    const start = nested()
    const state = apply(start, { type: 'select', id: 'text' })
    expect(state.selection).toBe('text')
    expect(state.document).toBe(start.document)
    expect(apply(state, { type: 'select', id: null }).selection).toBeNull()
    expect(refusal(state, { type: 'select', id: 'gone' })).toMatchObject({ code: 'unknown-block' })
  })
})
