import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { bannerManifest } from '../../../tenant-ui/src/blocks/banner/manifest.ts'
import { categoryTabsManifest } from '../../../tenant-ui/src/blocks/category-tabs/manifest.ts'
import { dividerManifest } from '../../../tenant-ui/src/blocks/divider/manifest.ts'
import { noticeBarManifest } from '../../../tenant-ui/src/blocks/notice-bar/manifest.ts'
import { productGridManifest } from '../../../tenant-ui/src/blocks/product-grid/manifest.ts'
import { videoManifest } from '../../../tenant-ui/src/blocks/video/manifest.ts'
import { defaultsOf, fieldsFor, type Field, type JsonSchema } from './inspector-fields.ts'

/** A manifest's props as the catalog endpoint converts them. */
const asCatalog = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema

const kinds = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.key, f.kind]))

describe('fieldsFor', () => {
  it('maps the product grid: localized title, number, literal union as enum, switch', () => {
    const fields = fieldsFor(asCatalog(productGridManifest.props), productGridManifest.inspector)
    expect(kinds(fields)).toEqual({
      title: 'localized',
      source: 'union',
      limit: 'number',
      columns: 'enum',
      showCompareAt: 'boolean',
    })
    const columns = fields.find((f) => f.key === 'columns')
    expect(columns?.kind === 'enum' && columns.options).toEqual([2, 3])
    const limit = fields.find((f) => f.key === 'limit')
    expect(limit?.kind === 'number' && [limit.integer, limit.min, limit.max]).toEqual([true, 1, 48])
    expect(fields.find((f) => f.key === 'showCompareAt')?.help?.en).toBe(
      'Show the compare-at price',
    )
  })

  it('maps banner slides to a list editor whose new item has an empty image', () => {
    const fields = fieldsFor(asCatalog(bannerManifest.props), bannerManifest.inspector)
    const slides = fields.find((f) => f.key === 'slides')
    if (slides?.kind !== 'list') throw new Error(`slides is ${slides?.kind}`)
    expect(slides.maxItems).toBe(10)
    expect(kinds(slides.item)).toEqual({ image: 'image', alt: 'localized', link: 'link' })
    expect(slides.item.find((f) => f.key === 'image')?.required).toBe(true)
    expect(slides.itemDefault).toEqual({ image: '', alt: {} })
    expect(kinds(fields).aspect).toBe('enum')
  })
})

describe('fieldsFor: pickers', () => {
  it('edits a product source as a union: one shape per kind, with catalogue pickers', () => {
    const fields = fieldsFor(asCatalog(productGridManifest.props), productGridManifest.inspector)
    const source = fields.find((f) => f.key === 'source')
    if (source?.kind !== 'union') throw new Error(`source is ${source?.kind}`)
    expect(source.discriminator).toBe('kind')
    expect(source.members.map((m) => m.value)).toEqual([
      'new',
      'best-selling',
      'category',
      'tag',
      'manual',
    ])
    const byValue = Object.fromEntries(source.members.map((m) => [m.value, m]))
    expect(kinds(byValue.category!.fields)).toEqual({ categoryId: 'category' })
    expect(kinds(byValue.tag!.fields)).toEqual({ tag: 'string' })
    expect(kinds(byValue.manual!.fields)).toEqual({ productIds: 'products' })
    expect(byValue.manual!.fields[0]).toMatchObject({ maxItems: 48 })
    expect(byValue.category!.defaults).toEqual({ kind: 'category', categoryId: '' })
    expect(byValue.new!.defaults).toEqual({ kind: 'new' })
  })

  it('takes image, link and colour widgets from hints, and from prop names inside lists', () => {
    expect(kinds(fieldsFor(asCatalog(videoManifest.props), videoManifest.inspector)).poster).toBe(
      'image',
    )
    expect(
      kinds(fieldsFor(asCatalog(noticeBarManifest.props), noticeBarManifest.inspector)),
    ).toMatchObject({ text: 'localized', link: 'link' })
    expect(
      kinds(fieldsFor(asCatalog(dividerManifest.props), dividerManifest.inspector)).color,
    ).toBe('color')
    const tabs = fieldsFor(asCatalog(categoryTabsManifest.props), categoryTabsManifest.inspector)
    const list = tabs.find((f) => f.key === 'tabs')
    expect(list?.kind === 'list' && kinds(list.item)).toEqual({
      categoryId: 'category',
      label: 'localized',
    })
  })

  it('ignores a picker hint on a prop of the wrong type', () => {
    const schema: JsonSchema = { type: 'object', properties: { n: { type: 'integer' } } }
    expect(kinds(fieldsFor(schema, { n: { widget: 'image' } }))).toEqual({ n: 'number' })
  })

  it('leaves a union of objects without a shared constant unsupported', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        u: {
          anyOf: [
            { type: 'object', properties: { a: { type: 'string' } } },
            { type: 'object', properties: { b: { type: 'string' } } },
          ],
        },
      },
    }
    expect(kinds(fieldsFor(schema))).toEqual({ u: 'unsupported' })
  })
})

describe('defaultsOf', () => {
  it('takes declared defaults and fills required props without one', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 3 },
        on: { type: 'boolean', default: true },
        kind: { type: 'string', enum: ['a', 'b'] },
        optional: { type: 'string' },
      },
      required: ['n', 'kind'],
    }
    expect(defaultsOf(schema)).toEqual({ n: 3, on: true, kind: 'a' })
  })
})

describe('labels from the schema', () => {
  it("takes a field's label and help from its schema's meta (plugin settings)", () => {
    const label = { en: 'Return on refund', 'zh-CN': '退款退券' }
    const help = { en: 'Give the coupon back', 'zh-CN': '退回优惠券' }
    const [field] = fieldsFor({
      type: 'object',
      properties: { returnOnFullRefund: { type: 'boolean', label, help } },
    })
    expect(field).toMatchObject({ key: 'returnOnFullRefund', kind: 'boolean', label, help })
  })
})
