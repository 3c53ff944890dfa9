import { describe, expect, it } from 'vitest'
import { normalizeTerm, queryVariants, queryWords } from './query-variants.ts'

const texts = (q: string) => queryVariants(q).map((v) => v.text)

describe('query variants', () => {
  it('normalises a term: trimmed, lowercased, whitespace collapsed, full-width folded', () => {
    expect(normalizeTerm('  Phone\t Case ')).toBe('phone case')
    expect(normalizeTerm('ＰＨＯＮＥ')).toBe('phone')
  })

  it('spells Han text in pinyin with latin kept, and all-Han text in initials', () => {
    expect(texts('手机')).toEqual(['手机', 'shouji', 'sj'])
    expect(texts('手ji')).toEqual(['手ji', 'shouji'])
    expect(texts('手')).toEqual(['手', 'shou'])
  })

  it('joins spaced latin as the pinyin line is written, and keeps plain words as they are', () => {
    expect(texts('Shou Ji')).toEqual(['shou ji', 'shouji'])
    expect(texts('headphnes')).toEqual(['headphnes'])
    expect(texts('   ')).toEqual([])
  })

  it('allows typo tolerance only on spellings of three characters or more, never on initials', () => {
    expect(queryVariants('sj')).toEqual([{ text: 'sj', weight: 1, fuzzy: false }])
    expect(queryVariants('手机').map((v) => v.fuzzy)).toEqual([false, true, false])
    expect(queryVariants('手机壳').map((v) => v.fuzzy)).toEqual([true, true, false])
  })

  it('splits several words into their spellings, and leaves one word to the variants', () => {
    expect(queryWords('Case  手机')).toEqual([['case'], ['手机', 'shouji']])
    expect(queryWords('headphones')).toEqual([])
    expect(queryWords('a b a')).toEqual([['a'], ['b']])
  })
})
