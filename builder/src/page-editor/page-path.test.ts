import { describe, expect, it } from 'vitest'
import { pathProblem, suggestPath } from './page-path.ts'

describe('pathProblem', () => {
  it('accepts a free, well-formed path', () => {
    expect(pathProblem('/summer-sale', ['/'])).toBeNull()
    expect(pathProblem('/brand/story', ['/'])).toBeNull()
  })
  it('names a malformed, a storefront-owned and a taken path', () => {
    expect(pathProblem('summer', [])).toBe('bad')
    expect(pathProblem('/Summer', [])).toBe('bad')
    expect(pathProblem('/summer/', [])).toBe('bad')
    expect(pathProblem('/cart', [])).toBe('own')
    expect(pathProblem('/products/x', [])).toBe('own')
    expect(pathProblem('/', ['/'])).toBe('taken')
  })
})

describe('suggestPath', () => {
  it('makes a path from a title', () => {
    expect(suggestPath('Summer sale!')).toBe('/summer-sale')
    expect(suggestPath('夏日')).toBe('')
  })
})
