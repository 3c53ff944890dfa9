import { describe, expect, it } from 'vitest'
import { demoHomePage } from '../../../core/src/demo/seed-home.ts'
import { createBlockRegistry } from '../../../core/src/page/registry.ts'
import { validatePage } from '../../../core/src/page/validate.ts'
import { everyBlockPage } from '../../test/every-block-page.ts'
import { coreBlockManifests } from './manifests.ts'

const registry = createBlockRegistry(coreBlockManifests, [])
const categories = {
  fruit: '0b1e4c1a-7a39-4c5e-9d0b-1f2a3b4c5d6e',
  tea: '6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f',
}
const slides = [
  {
    image: '/media/a/b/medium.webp',
    link: '/products/p1',
    alt: { 'zh-CN': '耳机', en: 'Headphones' },
  },
  { image: '/media/a/c/medium.webp', link: '/products/p2', alt: { 'zh-CN': '精华', en: 'Serum' } },
]

describe('core block manifests', () => {
  it('give every block defaults, so a block dropped on a page is valid as is', () => {
    for (const [name, manifest] of Object.entries(coreBlockManifests)) {
      expect(manifest.props.safeParse({}).success, name).toBe(true)
      expect(manifest.icon, name).toMatch(/^lucide:[a-z-]+$/)
      expect(manifest.label.en && manifest.label['zh-CN'], name).toBeTruthy()
    }
  })

  it('accepts the demo home page with every block valid', () => {
    const check = validatePage(demoHomePage(slides), registry)
    expect(check.problems).toEqual([])
    expect(check.page.blocks.map((block) => block.type)).toEqual([
      'core/header',
      'core/notice-bar',
      'core/banner',
      'core/icon-nav',
      'core/product-grid',
      'core/product-grid',
      'core/tab-bar',
    ])
    expect(check.page.blocks[4]?.props).toMatchObject({ source: { kind: 'new' }, columns: 2 })
    expect(check.page.blocks[5]?.props).toMatchObject({ source: { kind: 'best-selling' } })
  })

  it('names the block and field when the product grid or banner props are wrong', () => {
    const page = demoHomePage(slides)
    const broken = {
      ...page,
      blocks: page.blocks.map((block) =>
        block.id === 'new-arrivals'
          ? { ...block, props: { ...block.props, columns: 4, source: { kind: 'tag' } } }
          : block.id === 'banner'
            ? { ...block, props: { slides: [{ image: 'javascript:alert(1)' }] } }
            : block,
      ),
    }
    const fields = validatePage(broken, registry).problems.map((problem) => problem.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        'blocks.2.props.slides.0.image',
        'blocks.4.props.columns',
        'blocks.4.props.source.tag',
      ]),
    )
  })

  it('registers every core block of the storefront', () => {
    expect(Object.keys(coreBlockManifests).sort()).toEqual([
      'banner',
      'category-tabs',
      'customer-service',
      'divider',
      'header',
      'icon-nav',
      'image-cube',
      'notice-bar',
      'product-grid',
      'product-list',
      'rich-text',
      'spacer',
      'tab-bar',
      'video',
    ])
  })

  it('accepts a page using every newer block, filling in defaults', () => {
    const check = validatePage(everyBlockPage(categories), registry)
    expect(check.problems).toEqual([])
    const props = (id: string) => check.page.blocks.find((block) => block.id === id)?.props
    expect(props('tabs')).toMatchObject({ limit: 4, columns: 2 })
    expect(props('line')).toMatchObject({ lineStyle: 'dashed', marginY: 12 })
    expect(props('film')).toMatchObject({ aspect: '16:9', autoplayMuted: false })
    expect(props('help')).toMatchObject({ side: 'right', label: { en: 'Customer service' } })
  })

  it('names the block and field of bad links, counts, URLs and colours', () => {
    const item = (n: number) => ({ icon: 'house', label: { en: `Tab ${n}` }, link: `/t/${n}` })
    const bad: Record<string, Record<string, unknown>> = {
      cube: { layout: '2-2', images: [{ image: '/a.webp', link: 'javascript:alert(1)' }] },
      nav: {
        items: [
          { icon: 'house', label: {}, link: 'javascript:alert(1)' },
          { icon: 'skull', label: {}, link: '/a' },
          { label: {}, link: '/b' },
          { icon: 'house', image: '/c.webp', label: {}, link: '/c' },
        ],
      },
      tabs: { tabs: Array.from({ length: 7 }, () => ({ categoryId: categories.tea })), limit: 9 },
      list: { source: { kind: 'manual', productIds: [] } },
      line: { color: 'red;background:url(//evil.test)' },
      film: { src: 'http://cdn.test/tour.mp4', poster: 'data:image/png;base64,AAAA' },
      help: { contact: { kind: 'link', url: 'javascript:alert(1)' } },
      bar: { items: [1, 2, 3, 4, 5, 6].map(item) },
    }
    const page = everyBlockPage(categories)
    const broken = {
      ...page,
      blocks: page.blocks.map((block) =>
        bad[block.id] ? { ...block, props: bad[block.id] ?? {} } : block,
      ),
    }
    const problems = validatePage(broken, registry).problems
    expect(problems.map((problem) => [problem.blockId, problem.field])).toEqual(
      expect.arrayContaining([
        ['cube', 'blocks.1.props.images.0.link'],
        ['cube', 'blocks.1.props.images'],
        ['nav', 'blocks.2.props.items.0.link'],
        ['nav', 'blocks.2.props.items.1.icon'],
        ['nav', 'blocks.2.props.items.2.icon'],
        ['nav', 'blocks.2.props.items.3.icon'],
        ['tabs', 'blocks.3.props.tabs'],
        ['tabs', 'blocks.3.props.limit'],
        ['list', 'blocks.4.props.source.productIds'],
        ['line', 'blocks.5.props.color'],
        ['film', 'blocks.6.props.src'],
        ['film', 'blocks.6.props.poster'],
        ['help', 'blocks.7.props.contact.url'],
        ['bar', 'blocks.8.props.items'],
      ]),
    )
  })

  it('keeps hot zones on their image and only on the hot-zone layout', () => {
    const zone = { x: 60, y: 90, width: 50, height: 20, link: '/a' }
    const check = (props: Record<string, unknown>) =>
      validatePage(
        {
          schemaVersion: 1,
          root: { title: {}, seo: { description: {} }, theme: {} },
          blocks: [{ id: 'z', type: 'core/image-cube', props }],
        },
        registry,
      ).problems.map((problem) => problem.field)
    expect(check({ layout: 'hot-zone', images: [{ image: '/p.webp' }], zones: [zone] })).toEqual([
      'blocks.0.props.zones.0.width',
      'blocks.0.props.zones.0.height',
    ])
    expect(
      check({
        layout: '1-2',
        images: [{ image: '/a.webp' }, { image: '/b.webp' }],
        zones: [{ ...zone, x: 0, y: 0 }],
      }),
    ).toEqual(['blocks.0.props.zones'])
    expect(
      check({ layout: 'hot-zone', images: [{ image: '/a.webp' }, { image: '/b.webp' }] }),
    ).toEqual(['blocks.0.props.images'])
    expect(
      check({
        layout: 'hot-zone',
        images: [{ image: '/p.webp' }],
        zones: [{ ...zone, x: 0, y: 0, link: 'javascript:alert(1)' }],
      }),
    ).toEqual(['blocks.0.props.zones.0.link'])
  })

  it('allows one customer-service button and one tab bar, on the page root only', () => {
    const page = everyBlockPage(categories)
    const twice = {
      ...page,
      blocks: [
        ...page.blocks,
        { id: 'help-2', type: 'core/customer-service', props: {} },
        { id: 'bar-2', type: 'core/tab-bar', props: {} },
      ],
    }
    const problems = validatePage(twice, registry).problems
    expect(problems.map((problem) => [problem.blockId, problem.field])).toEqual([
      ['help-2', 'blocks.10.type'],
      ['bar-2', 'blocks.11.type'],
    ])
    expect(coreBlockManifests['tab-bar']?.placement).toEqual({ allowIn: ['root'], maxPerPage: 1 })
    expect(coreBlockManifests['customer-service']?.placement).toEqual({
      allowIn: ['root'],
      maxPerPage: 1,
    })
  })
})
