import { describe, expect, it } from 'vitest'
import { scriptJson } from './document.ts'

describe('scriptJson', () => {
  it('cannot close its script element or open a comment, and keeps the value', () => {
    const value = {
      title: '</script><script>alert(1)</script>',
      note: '<!-- x -->',
      sep: 'a\u2028b\u2029c',
    }
    const json = scriptJson(value)
    expect(json).not.toMatch(/<|\u2028|\u2029/)
    expect(JSON.parse(json)).toEqual(value)
  })
})
