import { describe, expect, it } from 'vitest'
import type { SkuChoice, SpecRow } from './data.ts'
import { chosenSku, initialSelection, isAvailable, missingSpecs, toggle } from './selection.ts'

const specs: SpecRow[] = [
  {
    key: '颜色',
    name: 'Color',
    values: [
      { key: '红', label: 'Red' },
      { key: '蓝', label: 'Blue' },
    ],
  },
  {
    key: '尺码',
    name: 'Size',
    values: [
      { key: 'S', label: 'S' },
      { key: 'M', label: 'M' },
    ],
  },
]
const sku = (id: string, color: string, size: string, stock: number): SkuChoice => ({
  id,
  spec: { 颜色: color, 尺码: size },
  price: 100,
  compareAt: null,
  stock,
  weightGrams: 0,
})
// Red M is sold out; Blue is only in S.
const skus = [
  sku('rs', '红', 'S', 2),
  sku('rm', '红', 'M', 0),
  sku('bs', '蓝', 'S', 5),
  sku('bm', '蓝', 'M', 0),
]

describe('spec selection', () => {
  it('disables options that leave no SKU in stock with the values already chosen', () => {
    expect(isAvailable(skus, {}, '尺码', 'M')).toBe(false)
    expect(isAvailable(skus, {}, '颜色', '蓝')).toBe(true)
    expect(isAvailable(skus, { 尺码: 'S' }, '颜色', '红')).toBe(true)
    // Changing a chosen value ignores that value itself.
    expect(isAvailable(skus, { 颜色: '红' }, '颜色', '蓝')).toBe(true)
  })

  it('names the SKU once every dimension is chosen, and what is still missing before', () => {
    expect(chosenSku(specs, skus, { 颜色: '蓝' })).toBeUndefined()
    expect(missingSpecs(specs, { 颜色: '蓝' }).map((spec) => spec.name)).toEqual(['Size'])
    expect(chosenSku(specs, skus, { 颜色: '蓝', 尺码: 'S' })?.id).toBe('bs')
  })

  it('starts with single-valued dimensions chosen, so a product without specs has its SKU', () => {
    expect(initialSelection(specs)).toEqual({})
    const single = [{ key: '规格', name: 'Size', values: [{ key: '1kg', label: '1 kg' }] }]
    expect(initialSelection(single)).toEqual({ 规格: '1kg' })
    expect(chosenSku([], [sku('only', '', '', 1)], {})?.id).toBe('only')
  })

  it('un-chooses a value picked again', () => {
    expect(toggle({ 颜色: '红' }, '颜色', '蓝')).toEqual({ 颜色: '蓝' })
    expect(toggle({ 颜色: '红' }, '颜色', '红')).toEqual({})
  })
})
