import type { Context } from 'hono'
import { errorCodes, MallError, type ErrorCode, type FieldError } from './errors.ts'

/** The RFC 9457 problem document the API answers errors with. */
export interface Problem {
  type: string
  title: string
  status: number
  /** A core code, or a plugin's own (`coupons:sold_out`). */
  code: ErrorCode | `${string}:${string}`
  detail: string
  instance?: string
  errors?: FieldError[]
}

/** Turns an error into a problem document; anything not a MallError is an opaque 500. */
export function toProblem(error: unknown, instance?: string): Problem {
  const known = error instanceof MallError ? error : new MallError('internal')
  // A plugin's error (`PluginError`, plugins/errors.ts) carries its own code and title.
  const plugin = known as MallError & { pluginCode?: `${string}:${string}`; title?: string }
  const code = plugin.pluginCode ?? known.code
  return {
    type: `https://mallkit.dev/problems/${code.replace(':', '/').replaceAll('_', '-')}`,
    title: plugin.pluginCode && plugin.title ? plugin.title : errorCodes[known.code].title,
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
