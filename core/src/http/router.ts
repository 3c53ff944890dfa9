import { OpenAPIHono } from '@hono/zod-openapi'
import { fieldErrorsFromZod, validationError } from './errors.ts'
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
      if (!result.success)
        throw validationError(fieldErrorsFromZod(result.error.issues, SOURCE_NAMES[result.target] ?? result.target))
    },
  })
}
