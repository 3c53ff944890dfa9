import { describe, expect, it } from 'vitest'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import { outline } from './outline.ts'

describe('outline', () => {
  it('lists blocks depth first with their depth, slot and label', () => {
    const rows = outline(testRegistry, nestedPage())
    expect(rows.map((row) => [row.id, row.depth, row.parent?.slot ?? null, row.index])).toEqual([
      ['head', 0, null, 0],
      ['cols', 0, null, 1],
      ['card', 1, 'left', 0],
      ['text', 2, 'body', 0],
      ['gap', 1, 'right', 0],
      ['hero', 0, null, 2],
      ['line', 0, null, 3],
    ])
    expect(rows[0]).toMatchObject({
      type: 'core/header',
      label: { en: 'Header', 'zh-CN': '店铺头部' },
      icon: 'lucide:panel-top',
      known: true,
    })
    expect(rows[3]).toMatchObject({
      parent: { blockId: 'card', slot: 'body' },
      slotLabel: { en: 'Body' },
    })
  })

  it('shows a block of an unknown type by its type', () => {
    const [row] = outline(testRegistry, page([{ id: 'w', type: 'lucky-wheel/wheel', props: {} }]))
    expect(row).toMatchObject({
      label: { en: 'lucky-wheel/wheel', 'zh-CN': 'lucky-wheel/wheel' },
      icon: null,
      known: false,
    })
  })
})
