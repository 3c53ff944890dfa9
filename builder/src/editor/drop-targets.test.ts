import { describe, expect, it } from 'vitest'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import { dropTargets } from './drop-targets.ts'
import type { Position } from './position.ts'
import { createEditorState } from './state.ts'

const describeTargets = (targets: Position[]) =>
  targets.map(
    ({ parent, index }) => (parent ? `${parent.blockId}.${parent.slot}` : 'root') + `@${index}`,
  )

describe('dropTargets', () => {
  it('offers every gap of every list that takes a palette block', () => {
    const targets = dropTargets(testRegistry, createEditorState(nestedPage()), {
      blockType: 'core/video',
    })
    expect(describeTargets(targets)).toEqual([
      'root@0',
      'root@1',
      'root@2',
      'root@3',
      'root@4',
      'cols.right@0',
      'cols.right@1',
    ])
  })

  it('offers the slots a block may go in, including empty ones', () => {
    const state = createEditorState(
      page([{ id: 'c', type: 'layout/columns', props: {}, slots: { left: [] } }]),
    )
    expect(describeTargets(dropTargets(testRegistry, state, { blockType: 'layout/card' }))).toEqual(
      ['c.left@0', 'c.right@0'],
    )
  })

  it('offers nothing for a block already at its maximum per page', () => {
    expect(
      dropTargets(testRegistry, createEditorState(nestedPage()), { blockType: 'core/header' }),
    ).toEqual([])
  })

  it('leaves out the dragged block, its subtree and its own gaps', () => {
    const targets = dropTargets(testRegistry, createEditorState(nestedPage()), { blockId: 'cols' })
    expect(describeTargets(targets)).toEqual(['root@0', 'root@3', 'root@4'])
    const card = dropTargets(testRegistry, createEditorState(nestedPage()), { blockId: 'card' })
    expect(describeTargets(card)).toEqual(['cols.right@0', 'cols.right@1'])
  })

  it('offers nothing for a block that is not on the page', () => {
    expect(dropTargets(testRegistry, createEditorState(nestedPage()), { blockId: 'gone' })).toEqual(
      [],
    )
  })
})
