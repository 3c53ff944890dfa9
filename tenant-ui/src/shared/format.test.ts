import { describe, expect, it } from 'vitest'
import { formatPrice, mallHref } from './format.ts'
import { pick } from './localized.ts'

describe('formatPrice', () => {
  it('shows integer fen as yuan with two decimals', () => {
    expect(formatPrice(12900)).toBe('¥129.00')
    expect(formatPrice(5)).toBe('¥0.05')
    expect(formatPrice(299999)).toBe('¥2999.99')
    expect(formatPrice(-150)).toBe('-¥1.50')
  })
})

describe('mallHref', () => {
  it("prefixes the mall's own paths and leaves other URLs alone", () => {
    expect(mallHref('/s/demo', '/products/1')).toBe('/s/demo/products/1')
    expect(mallHref('', '/media/a.webp')).toBe('/media/a.webp')
    expect(mallHref('/s/demo', '//evil.test/x')).toBe('//evil.test/x')
    expect(mallHref('/s/demo', 'https://cdn.test/a.png')).toBe('https://cdn.test/a.png')
  })
})

describe('pick', () => {
  it('falls back to the other locale, then to empty', () => {
    expect(pick({ 'zh-CN': '首页', en: 'Home' }, 'en')).toBe('Home')
    expect(pick({ 'zh-CN': '首页' }, 'en')).toBe('首页')
    expect(pick({ en: 'Home' }, 'zh-CN')).toBe('Home')
    expect(pick(undefined, 'zh-CN')).toBe('')
  })
})
