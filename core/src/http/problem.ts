import type { Context } from 'hono'
import { MallError, type ErrorCode, type FieldError, type PluginErrorCode } from './errors.ts'

/** The RFC 9457 problem document the API answers errors with. */
export interface Problem {
  type: string
  title: string
  status: number
  /** A core code, or a plugin's own (`coupons:sold_out`). */
  code: ErrorCode | PluginErrorCode
  detail: string
  instance?: string
  errors?: FieldError[]
}

/** Turns an error into a problem document; anything not a MallError is an opaque 500. */
export function toProblem(error: unknown, instance?: string): Problem {
  const known = error instanceof MallError ? error : new MallError('internal')
  const code = known.problemCode
  return {
    type: `https://mallkit.dev/problems/${code.replace(':', '/').replaceAll('_', '-')}`,
    title: known.title,
    status: known.status,
    code,
    detail: known.message,
    ...(instance ? { instance } : {}),
    ...(known.errors ? { errors: known.errors } : {}),
  }
}

/** Answers with a problem document (`application/problem+json`). */
export function problemResponse(c: Context, error: unknown): Response {
  const problem = toProblem(error, new URL(c.req.url).pathname)
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' }
  if (error instanceof MallError && error.headers) Object.assign(headers, error.headers)
  return new Response(JSON.stringify(problem), { status: problem.status, headers })
}
