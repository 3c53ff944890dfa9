import { z } from '@hono/zod-openapi'
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
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Opaque keyset cursor over (created_at, id). */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url')
}

export function decodeCursor(
  cursor: string | undefined,
): { createdAt: Date; id: string } | undefined {
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
    const date = new Date(createdAt)
    if (Number.isNaN(date.getTime())) throw new Error('bad cursor')
    return { createdAt: date, id }
  } catch {
    throw validationError([{ field: 'query.cursor', message: 'not a cursor this API returned' }])
  }
}
