import { describe, expect, it } from 'vitest'
import {
  combinations,
  regenerateRows,
  relabel,
  specOf,
  type OptionDraft,
  type SkuDraft,
} from './spec-form.ts'

const option = (key: string, name: string, values: string[]): OptionDraft => ({
  key,
  text: { 'zh-CN': name },
  values: values.map((v) => ({ key: `${key}:${v}`, text: { 'zh-CN': v } })),
})
const color = option('c', '颜色', ['红', '蓝'])
const size = option('s', '尺码', ['S', 'M'])
const priced = (rows: SkuDraft[]) => rows.map((r) => [r.combo.join('+'), r.price, r.id ?? null])

describe('spec matrix drafts', () => {
  it('generates one row per combination, first option varying slowest', () => {
    expect(combinations([color, size])).toEqual([
      ['c:红', 's:S'],
      ['c:红', 's:M'],
      ['c:蓝', 's:S'],
      ['c:蓝', 's:M'],
    ])
    expect(specOf([color, size], ['c:蓝', 's:M'])).toEqual({ 颜色: '蓝', 尺码: 'M' })
  })

  it('keeps typed rows when a value is added or renamed, and starts new combinations empty', () => {
    const rows = regenerateRows([color, size], []).map((r, i) => ({ ...r, price: `${i + 1}` }))
    const bigger = { ...size, values: [...size.values, { key: 's:L', text: { 'zh-CN': 'L' } }] }
    const renamed = {
      ...color,
      values: [{ key: 'c:红', text: { 'zh-CN': '大红' } }, color.values[1]!],
    }
    expect(priced(regenerateRows([renamed, bigger], rows))).toEqual([
      ['c:红+s:S', '1', null],
      ['c:红+s:M', '2', null],
      ['c:红+s:L', '', null],
      ['c:蓝+s:S', '3', null],
      ['c:蓝+s:M', '4', null],
      ['c:蓝+s:L', '', null],
    ])
  })

  it('carries a SKU over when an option is added or removed, claiming its id only once', () => {
    const single = [
      { ...regenerateRows([color], [])[0]!, id: 'red', price: '9' },
      regenerateRows([color], [])[1]!,
    ]
    const added = regenerateRows([color, size], single)
    expect(priced(added)).toEqual([
      ['c:红+s:S', '9', 'red'],
      ['c:红+s:M', '9', null],
      ['c:蓝+s:S', '', null],
      ['c:蓝+s:M', '', null],
    ])
    expect(priced(regenerateRows([color], added))).toEqual([
      ['c:红', '9', 'red'],
      ['c:蓝', '', null],
    ])
  })

  it('edits the locale a label comes from and keeps the other', () => {
    expect(relabel({ 'zh-CN': '颜色', en: 'Color' }, '色彩', 'en')).toEqual({
      'zh-CN': '色彩',
      en: 'Color',
    })
    expect(relabel({}, 'Size', 'en')).toEqual({ en: 'Size' })
  })
})
