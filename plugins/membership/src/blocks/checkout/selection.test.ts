import { describe, expect, it } from 'vitest'
import { deducted, parseYuan, readSelection, toSent, yuanInput } from './selection.ts'

describe('the membership checkout selection', () => {
  it('reads back only positive whole amounts', () => {
    expect(readSelection({ points: 300, storedValue: 1250 })).toEqual({
      points: 300,
      storedValue: 1250,
    })
    expect(readSelection({ points: -1, storedValue: 1.5 })).toEqual({})
    expect(readSelection(null)).toEqual({})
    expect(toSent({})).toBeUndefined()
  })

  it('sums what the preview takes off through the given codes', () => {
    const preview = {
      currency: 'CNY',
      lines: [
        { adjustments: [{ code: 'member-price', amount: -100, reason: { en: '', 'zh-CN': '' } }] },
      ],
      adjustments: [
        { code: 'points', amount: -500, reason: { en: '', 'zh-CN': '' } },
        { code: 'stored-value', amount: -900, reason: { en: '', 'zh-CN': '' } },
        { code: 'stored-value-shipping', amount: -100, reason: { en: '', 'zh-CN': '' } },
      ],
    } as never
    expect(deducted(preview, ['points'])).toBe(500)
    expect(deducted(preview, ['stored-value', 'stored-value-shipping'])).toBe(1000)
    expect(deducted(undefined, ['points'])).toBe(0)
  })

  it('parses typed yuan without floats', () => {
    expect(parseYuan('12.5')).toBe(1250)
    expect(parseYuan('0.07')).toBe(7)
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('abc')).toBeNull()
    expect(yuanInput(1205)).toBe('12.05')
  })
})
