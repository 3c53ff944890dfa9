import { describe, expect, it } from 'vitest'
import type { SpecOption } from '../../db/commerce-schema.ts'
import { checkSpecMatrix, matrixCombinations } from './spec-matrix.ts'

const options: SpecOption[] = [
  {
    name: { 'zh-CN': '颜色', en: 'Color' },
    values: [
      { 'zh-CN': '红', en: 'Red' },
      { 'zh-CN': '蓝', en: 'Blue' },
    ],
  },
  { name: { 'zh-CN': '尺码' }, values: [{ en: 'S' }, { en: 'M' }] },
]
const full = () => matrixCombinations(options).map((spec) => ({ spec }))

describe('checkSpecMatrix', () => {
  it('accepts exactly the combinations of the options, in any order', () => {
    expect(matrixCombinations(options)).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
    ])
    expect(checkSpecMatrix(options, full().reverse())).toEqual([])
  })

  it('accepts one SKU with no spec when there are no options', () => {
    expect(checkSpecMatrix([], [{ spec: {} }])).toEqual([])
    expect(checkSpecMatrix([], [{ spec: {} }, { spec: {} }]).map((e) => e.field)).toEqual([
      'body.skus.1.spec',
    ])
  })

  it('names a missing combination', () => {
    const errors = checkSpecMatrix(options, full().slice(0, 3))
    expect(errors).toEqual([
      { field: 'body.skus', message: expect.stringContaining('颜色=蓝 / 尺码=M') },
    ])
  })

  it('names a duplicate combination by its index', () => {
    const skus = [...full(), { spec: { 颜色: '红', 尺码: 'S' } }]
    expect(checkSpecMatrix(options, skus)).toEqual([
      { field: 'body.skus.4.spec', message: expect.stringContaining('twice') },
    ])
  })

  it('names unknown values, unknown dimensions and missing dimensions', () => {
    const skus = full()
    skus[1] = { spec: { 颜色: '绿', 尺码: 'M' } }
    skus[2] = { spec: { 颜色: '蓝', 尺码: 'S', 材质: '棉' } }
    skus[3] = { spec: { 颜色: '蓝' } }
    expect(checkSpecMatrix(options, skus).map((e) => e.field)).toEqual([
      'body.skus.1.spec',
      'body.skus.2.spec',
      'body.skus.3.spec',
    ])
  })

  it('names duplicate option names and values', () => {
    const twice: SpecOption[] = [
      options[0]!,
      { name: { 'zh-CN': '颜色' }, values: [{ en: 'a' }, { en: 'A' }] },
    ]
    expect(checkSpecMatrix(twice, []).map((e) => e.field)).toEqual([
      'body.specOptions.1.name',
      'body.specOptions.1.values.1',
    ])
  })

  it('refuses a matrix larger than the SKU limit', () => {
    const values = Array.from({ length: 50 }, (_, i) => ({ en: `v${i}` }))
    const big: SpecOption[] = ['a', 'b', 'c'].map((n) => ({ name: { en: n }, values }))
    expect(checkSpecMatrix(big, []).map((e) => e.field)).toEqual(['body.specOptions'])
  })
})
