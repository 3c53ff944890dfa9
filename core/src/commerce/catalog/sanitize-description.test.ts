import { describe, expect, it } from 'vitest'
import { sanitizeDescription } from './sanitize-description.ts'

describe('sanitizeDescription', () => {
  it('keeps the allowed formatting', () => {
    const html =
      '<h2>参数</h2><p>轻薄 <strong>长续航</strong> <em>快充</em><br></p><ul><li>一</li></ul><ol><li>二</li></ol><h4>x</h4>'
    expect(sanitizeDescription(html)).toBe(html.replace('<br>', '<br />'))
  })

  it('removes scripts, styles and their content', () => {
    const out = sanitizeDescription('<p>ok</p><script>alert(1)</script><style>p{color:red}</style>')
    expect(out).toBe('<p>ok</p>')
  })

  it('removes event handlers, style attributes and javascript: URLs', () => {
    const out = sanitizeDescription(
      '<p onclick="steal()" style="color:red">hi</p><img src="x.png" onerror="steal()"><a href="javascript:steal()">x</a><img src="javascript:alert(1)">',
    )
    expect(out).not.toMatch(/onclick|onerror|style|javascript/i)
    expect(out).toContain('<p>hi</p>')
    expect(out).toContain('<img src="x.png" />')
  })

  it('keeps http(s) links with rel=noopener and drops other link targets', () => {
    expect(sanitizeDescription('<a href="https://example.com/a" target="_blank">a</a>')).toBe(
      '<a href="https://example.com/a" rel="noopener noreferrer nofollow">a</a>',
    )
    expect(sanitizeDescription('<a href="data:text/html,x">a</a>')).toBe('<a>a</a>')
  })

  it('keeps images with http(s) or relative sources only', () => {
    expect(sanitizeDescription('<img src="https://cdn.example.com/a.png" alt="a">')).toBe(
      '<img src="https://cdn.example.com/a.png" alt="a" />',
    )
    expect(sanitizeDescription('<img src="/media/x.png">')).toBe('<img src="/media/x.png" />')
    expect(sanitizeDescription('<img src="//evil.example/x.png">')).toBe('')
    expect(sanitizeDescription('<img src="data:image/png;base64,AAAA">')).toBe('')
  })

  it('drops tags outside the allowlist but keeps their text', () => {
    expect(
      sanitizeDescription('<div><iframe src="https://x"></iframe><span>text</span></div>'),
    ).toBe('text')
  })
})
