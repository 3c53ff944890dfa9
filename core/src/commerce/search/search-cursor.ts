import { createHash } from 'node:crypto'
import { validationError } from '../../http/errors.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Where the previous page ended: the row's sort key (a finite number) and its id. */
export interface SearchPosition {
  key: number
  id: string
}

const checksum = (payload: string, fingerprint: string) =>
  createHash('sha256').update(`${fingerprint}\u0000${payload}`).digest('base64url').slice(0, 16)

/**
 * An opaque cursor for keyset pagination over any sort: the position plus a checksum bound to the
 * query it came from (`fingerprint`: q, filters, sort), so an edited cursor, or one reused with
 * another query, is refused instead of silently skipping or repeating rows. The checksum guards
 * integrity, not secrecy: a cursor only selects a position within a public search.
 */
export function encodeSearchCursor(position: SearchPosition, fingerprint: string): string {
  const payload = Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url')
  return `${payload}.${checksum(payload, fingerprint)}`
}

/**
 * The position in `cursor`, or a 422 naming `query.cursor` for anything encodeSearchCursor did
 * not write for this query.
 */
export function decodeSearchCursor(
  cursor: string | undefined,
  fingerprint: string,
): SearchPosition | undefined {
  if (cursor === undefined || cursor === '') return undefined
  const refuse = () =>
    validationError([{ field: 'query.cursor', message: 'not a cursor this search returned' }])
  const [payload, sum, ...rest] = cursor.split('.')
  if (!payload || !sum || rest.length || checksum(payload, fingerprint) !== sum) throw refuse()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString())
  } catch {
    throw refuse()
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse()
  const [key, id] = parsed as [unknown, unknown]
  if (typeof key !== 'number' || !Number.isSafeInteger(key)) throw refuse()
  if (typeof id !== 'string' || !UUID.test(id)) throw refuse()
  return { key, id }
}
