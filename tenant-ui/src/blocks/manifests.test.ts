import { describe, expect, it } from 'vitest'
import { demoHomePage } from '../../../core/src/demo/seed-home.ts'
import { createBlockRegistry } from '../../../core/src/page/registry.ts'
import { validatePage } from '../../../core/src/page/validate.ts'
import { coreBlockManifests } from './manifests.ts'

const registry = createBlockRegistry(coreBlockManifests, [])
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
      'core/product-grid',
      'core/product-grid',
    ])
    expect(check.page.blocks[3]?.props).toMatchObject({ source: { kind: 'new' }, columns: 2 })
    expect(check.page.blocks[4]?.props).toMatchObject({ source: { kind: 'best-selling' } })
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
        'blocks.3.props.columns',
        'blocks.3.props.source.tag',
      ]),
    )
  })
})
