import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PageDocument,
  validatePage,
  walkBlocks,
  type BlockNode,
} from '../../../core/src/page/index.ts'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import { dropAction, dropTargets, type Dragged } from './drop-targets.ts'
import { createHistory, dispatch, type History, type HistoryAction } from './history.ts'
import { keyboardMove } from './keyboard.ts'
import type { Position } from './position.ts'
import { reduce } from './reducer.ts'
import { createEditorState, type EditorState } from './state.ts'

const types = [...testRegistry.keys()]
const kinds = [
  'insert',
  'move',
  'update-props',
  'update-root',
  'duplicate',
  'delete',
  'copy',
  'paste',
  'select',
  'undo',
  'redo',
  'keyboard',
] as const
const propPaths = [['height'], ['slides', 0], ['slides', 0, 'image'], ['html', 'en'], ['x', 'y']]
const rootPaths = [
  ['title', 'en'],
  ['theme', 'primary'],
  ['theme', 'radius'],
  ['seo', 'ogImage'],
]
const values = [undefined, 0, 12, -1, '#12ab34', 'red', '/media/a.webp', { image: '/a.webp' }, []]

/** A random step: numbers that pick a block, a list and an index in whatever page is current. */
const step = fc.record({
  kind: fc.constantFrom(...kinds),
  type: fc.constantFrom(...types),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  value: fc.constantFrom(...values),
})
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never

const startPages = fc.constantFrom(nestedPage(), page([]))

/** Every list blocks can go in: the root, each declared slot, and a slot nothing declares. */
function lists(blocks: readonly BlockNode[]): { parent: Position['parent']; length: number }[] {
  const found: { parent: Position['parent']; length: number }[] = [
    { parent: null, length: blocks.length },
  ]
  for (const { block } of walkBlocks(blocks))
    for (const slot of Object.keys(testRegistry.get(block.type)?.manifest.slots ?? {}))
      found.push({ parent: { blockId: block.id, slot }, length: block.slots?.[slot]?.length ?? 0 })
  const first = blocks[0]
  if (first) found.push({ parent: { blockId: first.id, slot: 'nowhere' }, length: 0 })
  return found
}

/** Every position of every list, including the gap one past the end. */
const allPositions = (blocks: readonly BlockNode[]): Position[] =>
  lists(blocks).flatMap(({ parent, length }) =>
    Array.from({ length: length + 1 }, (_, index) => ({ parent, index })),
  )

function toAction(state: EditorState, s: Step): HistoryAction {
  const ids = [...walkBlocks(state.document.blocks)].map((entry) => entry.block.id)
  const id = ids.length ? (ids[s.a % ids.length] ?? 'none') : 'none'
  const list = lists(state.document.blocks)
  const target = list[s.b % list.length] ?? { parent: null, length: 0 }
  const at = { parent: target.parent, index: s.c % (target.length + 2) }
  switch (s.kind) {
    case 'insert':
      return { type: 'insert', blockType: s.type, at }
    case 'move':
      return { type: 'move', id, to: at }
    case 'update-props':
      return {
        type: 'update-props',
        id,
        path: propPaths[s.b % propPaths.length] ?? [],
        value: s.value,
      }
    case 'update-root':
      return { type: 'update-root', path: rootPaths[s.b % rootPaths.length] ?? [], value: s.value }
    case 'paste':
      return s.c % 2 ? { type: 'paste' } : { type: 'paste', at }
    case 'select':
      return { type: 'select', id: s.c % 4 ? id : null }
    case 'undo':
    case 'redo':
      return { type: s.kind }
    case 'keyboard': {
      const direction = (['up', 'down', 'indent', 'outdent'] as const)[s.c % 4] ?? 'up'
      const move = keyboardMove(testRegistry, state.document, id, direction)
      return move.ok ? move.action : { type: 'select', id: null }
    }
    default:
      return { type: s.kind, id }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** The rules `validatePage` checks besides props: ids, types, slots, placement. */
const structuralProblems = (document: PageDocument) =>
  validatePage(document, testRegistry).problems.filter((p) => !/\.props(\.|$)/.test(p.field))

/** Replays steps, checking each against a model of the undo timeline. */
function replay(start: PageDocument, steps: readonly Step[]) {
  let history: History = createHistory(deepFreeze(createEditorState(start)))
  let timeline = [start]
  let cursor = 0
  for (const s of steps) {
    const action = toAction(history.present, s)
    const result = dispatch(testRegistry, history, action)
    if (!result.ok) continue
    const before = history.present.document
    history = result.history
    deepFreeze(history.present)
    if (action.type === 'undo') cursor -= 1
    else if (action.type === 'redo') cursor += 1
    else if (history.present.document !== before) {
      timeline = [...timeline.slice(0, cursor + 1), history.present.document]
      cursor += 1
    }
    expect(history.present.document).toEqual(timeline[cursor])
    expect(PageDocument.safeParse(history.present.document).success).toBe(true)
    expect(structuralProblems(history.present.document)).toEqual([])
  }
  return { history, timeline, cursor }
}

describe('editor properties', () => {
  it('undo-all returns the first page and redo-all the last, through every step between', () => {
    fc.assert(
      fc.property(startPages, fc.array(step, { maxLength: 80, size: 'max' }), (start, steps) => {
        const replayed = replay(start, steps)
        const timeline = replayed.timeline
        let { history, cursor } = replayed
        while (cursor > 0) {
          const undone = dispatch(testRegistry, history, { type: 'undo' })
          if (!undone.ok) throw new Error(undone.refusal.message)
          history = undone.history
          cursor -= 1
          expect(history.present.document).toEqual(timeline[cursor])
        }
        expect(history.present.document).toEqual(start)
        expect(dispatch(testRegistry, history, { type: 'undo' }).ok).toBe(false)
        while (cursor < timeline.length - 1) {
          const redone = dispatch(testRegistry, history, { type: 'redo' })
          if (!redone.ok) throw new Error(redone.refusal.message)
          history = redone.history
          cursor += 1
          expect(history.present.document).toEqual(timeline[cursor])
        }
        expect(history.present.document).toEqual(timeline.at(-1))
        expect(dispatch(testRegistry, history, { type: 'redo' }).ok).toBe(false)
      }),
    )
  })

  it('offers exactly the drop positions the reducer accepts', () => {
    const dragged = fc.oneof(
      fc.record({ blockType: fc.constantFrom(...types) }),
      fc.record({ pick: fc.nat() }),
    )
    fc.assert(
      fc.property(
        startPages,
        fc.array(step, { maxLength: 40, size: 'max' }),
        dragged,
        (start, steps, drag) => {
          const state = replay(start, steps).history.present
          const ids = [...walkBlocks(state.document.blocks)].map((entry) => entry.block.id)
          const what: Dragged =
            'blockType' in drag
              ? drag
              : { blockId: ids[drag.pick % Math.max(ids.length, 1)] ?? 'none' }
          const key = ({ parent, index }: Position) =>
            `${parent ? `${parent.blockId}.${parent.slot}` : 'root'}@${index}`
          const accepted = allPositions(state.document.blocks)
            .filter((to) => reduce(testRegistry, state, dropAction(what, to)).ok)
            .map(key)
          expect(dropTargets(testRegistry, state, what).map(key)).toEqual(accepted)
        },
      ),
    )
  })
})
