import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Every error code the API can answer with, and its HTTP status. Codes are stable: clients and
 * tests match on them, so a code is never renamed or reused for another meaning.
 */
export const errorCodes = {
  malformed_request: { status: 400, title: 'The request could not be read' },
  unsupported_media_type: {
    status: 415,
    title: 'The request body is not in a format this route takes',
  },
  validation_failed: { status: 422, title: 'Some fields are invalid' },
  unauthenticated: { status: 401, title: 'Log in first' },
  invalid_credentials: { status: 401, title: 'Wrong account or password' },
  forbidden: { status: 403, title: 'Not allowed' },
  cross_site_request: { status: 403, title: 'Cross-site request refused' },
  tenant_suspended: { status: 403, title: 'This mall is suspended' },
  plugin_not_allowed: { status: 403, title: "The mall's plan does not include this plugin" },
  not_found: { status: 404, title: 'Not found' },
  tenant_not_found: { status: 404, title: 'No mall here' },
  plugin_disabled: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  plugin_dependency: { status: 409, title: 'A plugin dependency is not satisfied' },
  too_many_attempts: { status: 429, title: 'Too many attempts' },
  not_ready: { status: 503, title: 'Not ready' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  payment_provider_error: { status: 502, title: 'The payment provider refused or did not answer' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>

export type ErrorCode = keyof typeof errorCodes

/** One invalid field, named by its dotted path in the request (`settings.maxSpins`). */
export interface FieldError {
  field: string
  message: string
}

/** A plugin's own error code, `<plugin id>:<code>` (`coupons:sold_out`). */
export type PluginErrorCode = `${string}:${string}`

/** An error the API reports to the client as an RFC 9457 problem document. */
export class MallError extends Error {
  readonly code: ErrorCode
  readonly status: ContentfulStatusCode
  /** The code problem documents show: `code`, or the plugin's own code of a `PluginError`. */
  readonly problemCode: ErrorCode | PluginErrorCode
  /** The title problem documents show: the code's, or the plugin error's own. */
  readonly title: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string> | undefined

  constructor(
    code: ErrorCode,
    detail?: string,
    extra: {
      errors?: FieldError[]
      headers?: Record<string, string>
      cause?: unknown
      /** A plugin's own code and title, shown instead of the core code's (`PluginError`). */
      problem?: { code: PluginErrorCode; title: string }
    } = {},
  ) {
    super(detail ?? errorCodes[code].title, { cause: extra.cause })
    this.name = 'MallError'
    this.code = code
    this.status = errorCodes[code].status
    this.problemCode = extra.problem?.code ?? code
    this.title = extra.problem?.title ?? errorCodes[code].title
    this.errors = extra.errors
    this.headers = extra.headers
  }
}

/** A 422 naming the invalid fields. */
export function validationError(errors: FieldError[], detail?: string): MallError {
  const fields = errors.map((e) => e.field).join(', ')
  return new MallError('validation_failed', detail ?? `Invalid: ${fields}`, { errors })
}

interface ZodLikeIssue {
  path: readonly PropertyKey[]
  message: string
}

/** Field errors from zod issues, prefixed with where the value came from (`body`, `settings`). */
export function fieldErrorsFromZod(issues: readonly ZodLikeIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    return { field: [prefix, path].filter(Boolean).join('.') || '(root)', message: issue.message }
  })
}
