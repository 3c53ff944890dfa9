import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { bannerManifest } from '../../../tenant-ui/src/blocks/banner/manifest.ts'
import { productGridManifest } from '../../../tenant-ui/src/blocks/product-grid/manifest.ts'
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
      source: 'unsupported',
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
    expect(kinds(slides.item)).toEqual({ image: 'string', alt: 'localized', link: 'string' })
    expect(slides.item.find((f) => f.key === 'image')?.required).toBe(true)
    expect(slides.itemDefault).toEqual({ image: '', alt: {} })
    expect(kinds(fields).aspect).toBe('enum')
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
