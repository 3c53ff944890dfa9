import { describe, expect, it } from 'vitest'
import { MallLink } from './mall-link.ts'

describe('MallLink', () => {
  it('accepts mall paths and https URLs', () => {
    for (const link of ['/', '/promo?x=1#top', '/media/a/b.webp', 'https://cdn.test/a.png'])
      expect(MallLink.safeParse(link).success, link).toBe(true)
  })

  it('refuses script, data, protocol-relative, backslash and plain http URLs', () => {
    for (const link of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.test/x',
      '/\\evil.test/x',
      'http://cdn.test/a.png',
      'https:///evil',
      'promo',
      '/a b',
      '',
    ])
      expect(MallLink.safeParse(link).success, link).toBe(false)
  })
})
