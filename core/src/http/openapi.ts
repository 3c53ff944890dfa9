import { z } from '@hono/zod-openapi'
import { sql, type RawBuilder } from 'kysely'
import { validationError } from './errors.ts'

/** The problem document, as described in the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem')

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
})

/** The error responses most routes share, for the OpenAPI document. */
export const commonErrors = {
  401: problem('Not logged in'),
  403: problem('Not allowed, or a cross-site request'),
  404: problem('Not found'),
  422: problem('Invalid fields, named in `errors`'),
} as const

/** A JSON response description. */
export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } }
}

/** A JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } }
}

/** `?limit=&cursor=` for every list: keyset pagination, newest first. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(100).optional(),
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Microseconds (from `cursorTime`), or milliseconds as in cursors issued before it (a JS Date).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(\d{3})?Z$/

/**
 * A timestamptz column as exact UTC text (`2026-01-01T00:00:00.123456Z`), to build a cursor from:
 * a JS `Date` keeps only milliseconds, so rows created in the same millisecond would repeat or be
 * skipped across pages.
 *
 * @example db.selectFrom('core__customer').selectAll().select(cursorTime('created_at').as('cursor_at'))
 */
export function cursorTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
}

/**
 * Rows after `after` in `(column desc, idColumn desc)` order: the keyset condition of the next
 * page. Name both columns with their table's alias in a join (`'a.created_at'`, `'a.customer_id'`).
 */
export function afterCursor(
  column: string,
  after: { createdAt: string; id: string },
  idColumn = 'id',
) {
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
}

/** Opaque keyset cursor over (created_at, id), from the exact text of `cursorTime`. */
function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url')
}

/** The position a cursor of `encodeCursor` names (its time as exact text); 422 on anything else. */
export function decodeCursor(
  cursor: string | undefined,
): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
    ]
    // Exactly what encodeCursor writes: anything else would reach SQL as an invalid uuid or an
    // out-of-range timestamp and fail there, not here.
    if (typeof createdAt !== 'string' || !ISO_INSTANT.test(createdAt)) throw new Error('bad cursor')
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('bad cursor')
    if (Number.isNaN(new Date(createdAt).getTime())) throw new Error('bad cursor')
    return { createdAt, id }
  } catch {
    throw validationError([{ field: 'query.cursor', message: 'not a cursor this API returned' }])
  }
}

/**
 * One page of a keyset list fetched with `limit + 1` rows (each with `cursor_at` from `cursorTime`
 * and `id`): the first `limit` rows, and the cursor of the next page when there is one.
 */
export function keysetPage<R extends { cursor_at: string; id: string }>(
  rows: readonly R[],
  limit: number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
  }
}
