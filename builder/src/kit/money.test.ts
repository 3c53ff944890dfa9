import { describe, expect, it } from 'vitest'
import { moneyInput, parseMoney } from './money.ts'

describe('parseMoney', () => {
  it('reads whole and decimal amounts into minor units', () => {
    expect(parseMoney('12')).toBe(1200)
    expect(parseMoney('12.5')).toBe(1250)
    expect(parseMoney(' 1,299.09 ')).toBe(129909)
    expect(parseMoney('0.01')).toBe(1)
  })
  it('refuses what is not an amount', () => {
    for (const typed of ['', '-1', '1.234', 'abc', '1e3', '.5'])
      expect(parseMoney(typed)).toBeNull()
  })
  it('round-trips with moneyInput', () => {
    for (const minor of [0, 1, 99, 100, 129909]) expect(parseMoney(moneyInput(minor))).toBe(minor)
  })
})
