import { describe, expect, it } from 'vitest'
import { decodeListCursor, encodeListCursor } from './list-cursor.ts'

const id = '2f1c1c9e-3a7b-4c1e-9a55-0d6f3b1e2a10'
const forged = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url')

describe('list cursors', () => {
  it('reads back what it wrote, for the same sort', () => {
    const cursor = { sort: 'price_asc' as const, value: 5900, id }
    expect(decodeListCursor(encodeListCursor(cursor), 'price_asc')).toEqual(cursor)
    const newest = { sort: 'newest' as const, value: '2026-11-22T14:15:16.123456Z', id }
    expect(decodeListCursor(encodeListCursor(newest), 'newest')).toEqual(newest)
  })

  it('refuses another sort’s cursor, out-of-range numbers, bad ids and garbage with a 422', () => {
    for (const [text, sort] of [
      [encodeListCursor({ sort: 'sales', value: 3, id }), 'price_asc'],
      [forged(['price_asc', 2 ** 31, id]), 'price_asc'],
      [forged(['price_asc', -1, id]), 'price_asc'],
      [forged(['price_asc', 1.5, id]), 'price_asc'],
      [forged(['price_asc', 1, 'not-a-uuid']), 'price_asc'],
      [forged(['newest', '2026-13-45T99:99:99.000000Z', id]), 'newest'],
      [forged(['newest', '2026-02-30T00:00:00.000000Z', id]), 'newest'],
      ['%%%', 'newest'],
    ] as const)
      expect(() => decodeListCursor(text, sort), text).toThrow(
        expect.objectContaining({ code: 'validation_failed' }),
      )
  })
})
