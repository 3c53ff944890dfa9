import { describe, expect, it } from 'vitest'
import { nestedPage, page, testRegistry } from '../../test/registry.ts'
import { publishCheck } from './publish-check.ts'

describe('publishCheck', () => {
  it('finds nothing on a valid page', () => {
    expect(publishCheck(testRegistry, nestedPage())).toEqual([])
  })

  it('names the block and the field of each problem, nested ones included', () => {
    const problems = publishCheck(
      testRegistry,
      page([
        {
          id: 'cols',
          type: 'layout/columns',
          props: { height: -1 },
          slots: {
            right: [
              { id: 'hero', type: 'core/banner', props: { slides: [{ image: 'javascript:x' }] } },
            ],
            middle: [],
          },
        },
      ]),
    )
    expect(problems).toEqual([
      {
        blockId: 'cols',
        type: 'layout/columns',
        field: 'slots.middle',
        propPath: null,
        path: 'blocks.0.slots.middle',
        message: 'layout/columns has no slot middle',
      },
      {
        blockId: 'cols',
        type: 'layout/columns',
        field: 'props.height',
        propPath: ['height'],
        path: 'blocks.0.props.height',
        message: expect.any(String),
      },
      {
        blockId: 'hero',
        type: 'core/banner',
        field: 'props.slides.0.image',
        propPath: ['slides', 0, 'image'],
        path: 'blocks.0.slots.right.0.props.slides.0.image',
        message: 'a path like /media/… or an http(s) URL',
      },
    ])
  })
})
