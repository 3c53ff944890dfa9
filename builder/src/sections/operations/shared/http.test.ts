import { describe, expect, it } from 'vitest'
import { dayEnd, dayStart } from './http.ts'

describe('dayStart and dayEnd', () => {
  it('bound a picked day from its local midnight to the next one', () => {
    const start = dayStart('2026-03-01')
    const end = dayEnd('2026-03-01')
    expect(start).toBe(new Date(2026, 2, 1).toISOString())
    expect(end).toBe(new Date(2026, 2, 2).toISOString())
  })
  it('leave out what is not a picked date', () => {
    for (const typed of ['', '2026-3-1', 'yesterday']) {
      expect(dayStart(typed)).toBeUndefined()
      expect(dayEnd(typed)).toBeUndefined()
    }
  })
})
