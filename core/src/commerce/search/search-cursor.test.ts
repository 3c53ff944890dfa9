import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MallError } from '../../http/errors.ts'
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.ts'

const id = '0b6c1b8e-4a51-4e8e-9f0e-2d1f7f0d8a11'

function refusal(cursor: string, fingerprint = 'q') {
  try {
    decodeSearchCursor(cursor, fingerprint)
  } catch (error) {
    return error instanceof MallError ? error.errors?.[0]?.field : 'not a MallError'
  }
  return 'accepted'
}

describe('search cursor', () => {
  it('round-trips a position, microsecond timestamps included', () => {
    const position = { key: 1_767_225_600_123_456, id }
    expect(decodeSearchCursor(encodeSearchCursor(position, 'q'), 'q')).toEqual(position)
    expect(decodeSearchCursor(undefined, 'q')).toBeUndefined()
  })

  it('refuses an edited cursor, or one from another query, naming query.cursor', () => {
    const cursor = encodeSearchCursor({ key: 42, id }, 'q')
    const [payload = '', sum = ''] = cursor.split('.')
    const edited = Buffer.from(JSON.stringify([41, id])).toString('base64url')
    expect(refusal(`${edited}.${sum}`)).toBe('query.cursor')
    expect(refusal(`${payload}.${sum.toUpperCase()}`)).toBe('query.cursor')
    expect(refusal(cursor, 'another query')).toBe('query.cursor')
    expect(refusal('not-a-cursor')).toBe('query.cursor')
    expect(refusal(cursor)).toBe('accepted')
  })

  it('refuses correctly summed payloads that are not a position', () => {
    // The checksum is no secret (anyone can compute it), so the shape is checked as well.
    const forge = (value: unknown) => {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url')
      const sum = createHash('sha256').update(`q\u0000${payload}`).digest('base64url').slice(0, 16)
      return `${payload}.${sum}`
    }
    expect(refusal(forge([7, id]))).toBe('accepted')
    for (const value of [[1.5, id], [1, 'x'], ['1', id], [1, id, 2], { key: 1, id }, 2 ** 60])
      expect(refusal(forge(value))).toBe('query.cursor')
  })
})
