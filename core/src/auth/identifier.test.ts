import { describe, expect, it } from 'vitest'
import { normalizePhone, parseLoginIdentifier } from './identifier.ts'

describe('parseLoginIdentifier', () => {
  it('reads an identifier with @ as a lowercased email', () => {
    expect(parseLoginIdentifier('  Ann@Example.COM ')).toEqual({
      kind: 'email',
      value: 'ann@example.com',
    })
  })

  it('reads anything else as a phone number of digits and a leading +', () => {
    expect(parseLoginIdentifier('+86 138-0013-8000')).toEqual({
      kind: 'phone',
      value: '+8613800138000',
    })
    expect(parseLoginIdentifier('(0571) 8888.6666')).toEqual({
      kind: 'phone',
      value: '057188886666',
    })
  })

  it('answers null for something that is neither', () => {
    expect(parseLoginIdentifier('ann')).toBeNull()
    expect(parseLoginIdentifier('138+0013')).toBeNull()
    expect(parseLoginIdentifier('1234')).toBeNull()
    expect(parseLoginIdentifier('')).toBeNull()
  })
})

describe('normalizePhone', () => {
  it('keeps at most 15 digits, as E.164 allows', () => {
    expect(normalizePhone('123456789012345')).toBe('123456789012345')
    expect(normalizePhone('1234567890123456')).toBeNull()
  })
})
