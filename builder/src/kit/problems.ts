import { ApiError } from '../app/api.ts'

/**
 * The messages of a refused request by field (`title`, `skus.0.price`), and the message that
 * belongs to no field. Field names are the API's without the `body.` / `query.` part where the
 * value came from (`body.skus.0.price` is `skus.0.price`): a form shows each next to its input.
 */
export function problemMessages(error: unknown): {
  fields: Record<string, string>
  message: string
} {
  if (!(error instanceof ApiError)) return { fields: {}, message: String(error) }
  const fields: Record<string, string> = {}
  for (const item of error.problem.errors ?? [])
    fields[item.field.replace(/^(body|query|param)\./, '')] ??= item.message
  return { fields, message: error.problem.detail ?? error.problem.title ?? error.message }
}
