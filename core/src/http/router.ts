import { OpenAPIHono } from '@hono/zod-openapi'
import { fieldErrorsFromZod, validationError, type FieldError } from './errors.ts'
import type { MallEnv } from './env.ts'

/**
 * A router whose request validation failures become 422 problems naming each field
 * (`body.email`, `query.limit`). Core modules and plugins build their routes on it so every route
 * lands in `/api/openapi.json`.
 */
const SOURCE_NAMES: Record<string, string> = { json: 'body', form: 'body', param: 'path' }

export function createRouter(): OpenAPIHono<MallEnv> {
  return new OpenAPIHono<MallEnv>({
    defaultHook: (result) => {
      const source = SOURCE_NAMES[result.target] ?? result.target
      if (!result.success) throw validationError(fieldErrorsFromZod(result.error.issues, source))
      // PostgreSQL cannot store a NUL character in text or jsonb: refuse it here, naming the
      // field, rather than as a 500 from the database halfway through the work.
      const errors = nulCharacters(result.data, source)
      if (errors.length) throw validationError(errors)
    },
  })
}

function nulCharacters(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: path, message: 'contains a NUL character' }] : []
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacters(item, `${path}.${i}`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000')
        ? [{ field: `${path}.${key}`, message: 'the name contains a NUL character' }]
        : nulCharacters(item, `${path}.${key}`),
    )
  return []
}
