import { describe, expect, it } from 'vitest'
import {
  currencyDigits,
  formatMoney,
  formatSpec,
  guardCell,
  parseMoney,
  parseSpec,
  unguardCell,
} from './csv-format.ts'

describe('csv money', () => {
  it('writes and reads minor units as decimals in the currency’s digits', () => {
    expect(currencyDigits('CNY')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect([
      formatMoney(5900, 2),
      formatMoney(5, 2),
      formatMoney(0, 2),
      formatMoney(120, 0),
    ]).toEqual(['59.00', '0.05', '0.00', '120'])
    expect([
      parseMoney('59.00', 2),
      parseMoney('59', 2),
      parseMoney('0.5', 2),
      parseMoney('120', 0),
    ]).toEqual([5900, 5900, 50, 120])
  })

  it('refuses negative, over-precise and non-decimal amounts', () => {
    for (const text of ['-1', '1.234', '1e3', 'abc', '', '1.5'])
      expect([text, parseMoney(text, text === '1.5' ? 0 : 2)]).toEqual([text, undefined])
  })
})

describe('csv spec cells', () => {
  it('round-trips names and values with separators in them', () => {
    const pairs: [string, string][] = [
      ['颜色', '红;蓝=紫'],
      ['尺\\码', 'M'],
    ]
    expect(parseSpec(formatSpec(pairs))).toEqual(pairs)
    expect(parseSpec('')).toEqual([])
    expect(parseSpec('颜色')).toBeUndefined()
  })
})

describe('csv formula guard', () => {
  it('prefixes a cell starting with =, +, -, @, tab or CR with a quote, and nothing else', () => {
    expect(['=1+1', '+86 10', '-A1', '@SUM(A1)', '\tx', '\rx'].map(guardCell)).toEqual([
      "'=1+1",
      "'+86 10",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ])
    expect(['plain', '59.00', '', "'quoted", 'a=b', ' =x'].map(guardCell)).toEqual([
      'plain',
      '59.00',
      '',
      "'quoted",
      'a=b',
      ' =x',
    ])
  })

  it('strips exactly the added quote, so every value round-trips', () => {
    const values = ['=x', "'=x", "''-1", "'quoted", "'", '@', 'plain', '-', "'+"]
    expect(values.map((v) => unguardCell(guardCell(v)))).toEqual(values)
    expect(unguardCell("'plain")).toBe("'plain")
  })
})
