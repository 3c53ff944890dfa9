import { describe, expect, it } from 'vitest'
import { buildSearchText, toInitials, toPinyin } from './search-text.ts'

describe('search text', () => {
  it('spells Han characters in toneless pinyin and keeps the rest', () => {
    expect(toPinyin('手机')).toBe('shouji')
    expect(toPinyin('iPhone 手机壳')).toBe('iphoneshoujike')
    expect(toInitials('手机壳')).toBe('sjk')
    expect(toInitials('iPhone')).toBe('')
  })

  it('joins names, pinyin, initials, tags and categories, lowercased and without repeats', () => {
    const text = buildSearchText({
      title: { 'zh-CN': '智能手机', en: 'Smart Phone' },
      tags: ['new', 'NEW'],
      categoryNames: [{ 'zh-CN': '数码', en: 'Digital' }],
    })
    expect(text.split('\n')).toEqual([
      '智能手机',
      'smart phone',
      'zhinengshouji',
      'znsj',
      'new',
      '数码',
      'digital',
      'shuma',
    ])
  })
})
