import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import type { BlockManifest } from '../plugins/contract.ts'
import { emptyPage, PageDocument } from './document.ts'
import { migratePage } from './migrate.ts'
import { createBlockRegistry } from './registry.ts'
import { renderableBlocks, validatePage } from './validate.ts'

const label = { en: 'x', 'zh-CN': 'x' }
const block = (props: z.ZodType, extra: Partial<BlockManifest> = {}): BlockManifest => ({
  label,
  icon: 'lucide:square',
  category: 'basic',
  props,
  ...extra,
})

const registry = createBlockRegistry(
  {
    header: block(z.object({ title: z.string().default('Shop') }), {
      placement: { allowIn: ['root'], maxPerPage: 1 },
    }),
    banner: block(
      z.object({
        images: z.array(z.string()).min(1),
        height: z.number().int().min(80).default(160),
      }),
    ),
    columns: block(z.object({}), {
      slots: { left: { label, allow: ['core/banner'] }, right: { label } },
    }),
  },
  [
    {
      id: 'lucky-wheel',
      blocks: { wheel: block(z.object({ spins: z.number().int().default(1) })) },
    },
  ],
)

const page = (blocks: unknown[]) => PageDocument.parse({ schemaVersion: 1, root: {}, blocks })

describe('page documents', () => {
  it('upgrades a version 0 page (a bare block list) to the current version', () => {
    const upgraded = migratePage([{ id: 'a', type: 'core/header', props: {} }])
    expect(upgraded).toMatchObject({ schemaVersion: 1, blocks: [{ id: 'a', type: 'core/header' }] })
    expect(migratePage(emptyPage())).toEqual(emptyPage())
    expect(() => migratePage({ schemaVersion: 99, blocks: [] })).toThrow(/schemaVersion 99/)
  })

  it('fills defaults and accepts a valid page with nested slots', () => {
    const check = validatePage(
      page([
        { id: 'h', type: 'core/header', props: {} },
        {
          id: 'c',
          type: 'core/columns',
          props: {},
          slots: { left: [{ id: 'b', type: 'core/banner', props: { images: ['/a.png'] } }] },
        },
        { id: 'w', type: 'lucky-wheel/wheel', props: {} },
      ]),
      registry,
    )
    expect(check.problems).toEqual([])
    expect(check.page.blocks[0]?.props).toEqual({ title: 'Shop' })
    expect(check.page.blocks[1]?.slots?.left?.[0]?.props).toEqual({
      images: ['/a.png'],
      height: 160,
    })
  })

  it('names the block and the field of every problem', () => {
    const check = validatePage(
      page([
        { id: 'h1', type: 'core/header', props: {} },
        { id: 'h2', type: 'core/header', props: {} },
        { id: 'b', type: 'core/banner', props: { images: [], height: 10 } },
        { id: 'x', type: 'core/nope', props: {} },
        {
          id: 'c',
          type: 'core/columns',
          props: {},
          slots: { left: [{ id: 'w', type: 'lucky-wheel/wheel', props: {} }], middle: [] },
        },
        { id: 'b', type: 'core/banner', props: { images: ['/a.png'] } },
      ]),
      registry,
    )
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          blockId: 'h2',
          field: 'blocks.1.type',
          message: 'At most 1 of core/header per page',
        }),
        expect.objectContaining({ blockId: 'b', field: 'blocks.2.props.images' }),
        expect.objectContaining({ blockId: 'b', field: 'blocks.2.props.height' }),
        expect.objectContaining({
          blockId: 'x',
          field: 'blocks.3.type',
          message: 'Unknown block type core/nope',
        }),
        expect.objectContaining({
          blockId: 'w',
          field: 'blocks.4.slots.left.0.type',
          message: 'lucky-wheel/wheel is not allowed in core/columns.left',
        }),
        expect.objectContaining({
          blockId: 'c',
          field: 'blocks.4.slots.middle',
          message: 'core/columns has no slot middle',
        }),
        expect.objectContaining({ blockId: 'b', field: 'blocks.5.id' }),
      ]),
    )
    expect(check.problems).toHaveLength(7)
  })

  it('refuses a header inside a slot when it may only sit at the root', () => {
    const check = validatePage(
      page([
        {
          id: 'c',
          type: 'core/columns',
          props: {},
          slots: { right: [{ id: 'h', type: 'core/header', props: {} }] },
        },
      ]),
      registry,
    )
    expect(check.problems).toEqual([
      expect.objectContaining({
        blockId: 'h',
        message: 'core/header cannot be placed in core/columns.right',
      }),
    ])
  })

  it('renders around unknown, disabled and broken blocks instead of failing', () => {
    const skipped: string[] = []
    const kept = renderableBlocks(
      page([
        { id: 'h', type: 'core/header', props: {} },
        { id: 'x', type: 'core/nope', props: {} },
        { id: 'w', type: 'lucky-wheel/wheel', props: {} },
        { id: 'b', type: 'core/banner', props: { images: [] } },
      ]).blocks,
      registry,
      (pluginId) => pluginId !== 'lucky-wheel',
      (b, reason) => skipped.push(`${b.id}: ${reason}`),
    )
    expect(kept.map((b) => b.id)).toEqual(['h'])
    expect(skipped).toEqual([
      'x: unknown block type',
      'w: plugin lucky-wheel is off',
      'b: invalid props',
    ])
  })
})
