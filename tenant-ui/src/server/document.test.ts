import { describe, expect, it } from 'vitest'
import type { StorefrontState } from '../shared/state.ts'
import { scriptJson, stateJson } from './document.ts'

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

describe('stateJson', () => {
  const state = (data: unknown): StorefrontState => ({
    locale: 'zh-CN',
    defaultLocale: 'zh-CN',
    base: '/s/demo',
    mall: { name: '演示 </script>', slug: 'demo', currency: 'CNY' },
    view: { kind: 'page', params: {}, query: { utm: '<x>' }, data },
  })

  it('is the state as JSON, safe in a script element, whatever the data', () => {
    const data = { blocks: [{ id: 'a', type: 'core/rich-text', props: { html: '</script>' } }] }
    for (const value of [data, null, 'text', 3, undefined]) {
      const json = stateJson(state(value))
      expect(json).not.toMatch(/<|\u2028|\u2029/)
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(state(value))))
    }
  })

  it('serializes one data object once, and each request its own query', () => {
    const data = { blocks: [] as unknown[] }
    const first = stateJson(state(data))
    const other = state(data)
    other.view.query = { page: '2' }
    const second = JSON.parse(stateJson(other))
    expect(second.view).toEqual({ kind: 'page', params: {}, query: { page: '2' }, data })
    expect(JSON.parse(first).view.query).toEqual({ utm: '<x>' })
  })
})
