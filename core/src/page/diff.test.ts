import { describe, expect, it } from 'vitest'
import { diffPages } from './diff.ts'
import { emptyPage, type BlockNode, type PageDocument } from './document.ts'

const page = (blocks: BlockNode[], title = 'Home'): PageDocument => ({
  ...emptyPage(),
  root: { ...emptyPage().root, title: { en: title } },
  blocks,
})
const b = (id: string, props: Record<string, unknown> = {}, slots?: BlockNode['slots']) => ({
  id,
  type: `core/${id.split('-')[0]}`,
  props,
  ...(slots ? { slots } : {}),
})
const ids = (list: { id: string }[]) => list.map((x) => x.id)

describe('diffPages', () => {
  it('names blocks added, removed and changed, matching them by id', () => {
    const before = page([b('banner-1', { a: 1 }), b('grid-1', { limit: 4 }), b('text-1')])
    const after = page([b('banner-1', { a: 1 }), b('grid-1', { limit: 6 }), b('video-1')])
    const diff = diffPages(before, after)
    expect(ids(diff.added)).toEqual(['video-1'])
    expect(ids(diff.removed)).toEqual(['text-1'])
    expect(ids(diff.changed)).toEqual(['grid-1'])
    expect(diff.moved).toEqual([])
    expect(diff.rootChanged).toBe(false)
  })

  it('ignores key order in props and shifts caused by additions, but sees real moves', () => {
    const before = page([b('a-1', { x: 1, y: 2 }), b('b-1'), b('c-1')])
    const shifted = page([b('new-1'), b('a-1', { y: 2, x: 1 }), b('b-1'), b('c-1')])
    expect(diffPages(before, shifted)).toMatchObject({ changed: [], moved: [] })
    const swapped = page([b('b-1'), b('a-1', { x: 1, y: 2 }), b('c-1')])
    expect(ids(diffPages(before, swapped).moved)).toEqual(['b-1', 'a-1'])
  })

  it('sees a block moved into a slot and a changed page title', () => {
    const before = page([b('cols-1', {}, { left: [] }), b('text-1')])
    const after = page([b('cols-1', {}, { left: [b('text-1')] })], 'Start')
    const diff = diffPages(before, after)
    expect(ids(diff.moved)).toEqual(['text-1'])
    expect(diff.rootChanged).toBe(true)
    expect(diffPages(before, before)).toEqual({
      added: [],
      removed: [],
      changed: [],
      moved: [],
      rootChanged: false,
    })
  })
})
