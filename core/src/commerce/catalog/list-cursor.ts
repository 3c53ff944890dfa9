import { validationError } from '../../http/errors.ts'

/** The orders a product list can be sorted in. */
export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'sales'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]

// Prices and sales are int4 columns: a larger number would fail in SQL, not here.
const MAX_INT4 = 2_147_483_647
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/** Keyset position after the last row of a page: the sort it belongs to, its sort value and id. */
export interface ListCursor {
  sort: ProductSort
  value: string | number
  id: string
}

/** An opaque cursor for `ListCursor`. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url')
}

/**
 * Reads a cursor this API returned for `sort`; anything else (another sort's cursor, garbage) is a
 * 422 naming `query.cursor` rather than a database error.
 */
export function decodeListCursor(
  text: string | undefined,
  sort: ProductSort,
): ListCursor | undefined {
  if (!text) return undefined
  try {
    const [s, value, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (s !== sort || typeof id !== 'string' || !UUID.test(id)) throw new Error('bad cursor')
    if (
      sort === 'newest'
        ? typeof value !== 'string' || !TIMESTAMP.test(value)
        : !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INT4)
    )
      throw new Error('bad cursor')
    // A date JavaScript rolls over (Feb 30) is one PostgreSQL refuses: it must read back unchanged.
    if (sort === 'newest' && !sameInstant(value as string)) throw new Error('bad cursor')
    return { sort, value: value as string | number, id }
  } catch {
    throw validationError([
      { field: 'query.cursor', message: 'not a cursor this API returned for this sort' },
    ])
  }
}

function sameInstant(text: string): boolean {
  const date = new Date(text)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === text.slice(0, 23)
}
