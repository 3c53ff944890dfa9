import { describe, expect, it } from 'vitest'
import { dayState, monthGrid } from './month-grid.ts'

describe('monthGrid', () => {
  it('starts the weeks on Monday and pads both ends', () => {
    // 1 November 2026 is a Sunday.
    const weeks = monthGrid('2026-11')
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01'])
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null])
    expect(weeks.flat().filter(Boolean)).toHaveLength(30)
  })

  it('knows leap years', () => {
    expect(monthGrid('2028-02').flat().filter(Boolean)).toHaveLength(29)
    expect(monthGrid('2027-02').flat().filter(Boolean)).toHaveLength(28)
  })
})

describe('dayState', () => {
  const checked = new Map([
    ['2026-11-20', { madeUp: false }],
    ['2026-11-19', { madeUp: true }],
  ])
  it('tells checked, made-up, today, missed and future days apart', () => {
    expect(dayState('2026-11-20', '2026-11-22', checked)).toBe('checked')
    expect(dayState('2026-11-19', '2026-11-22', checked)).toBe('made-up')
    expect(dayState('2026-11-22', '2026-11-22', checked)).toBe('today')
    expect(dayState('2026-11-21', '2026-11-22', checked)).toBe('missed')
    expect(dayState('2026-11-23', '2026-11-22', checked)).toBe('future')
  })
})
