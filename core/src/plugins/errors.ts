import { MallError, type ErrorCode, type FieldError, type PluginErrorCode } from '../http/errors.ts'

/** A plugin's error: the HTTP status it answers with and the title problem documents show. */
export interface PluginErrorDefinition {
  status: 403 | 404 | 409 | 422 | 429
  title: string
}

/** The core code a plugin error stands in for where only core codes are understood. */
const baseCodes = {
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'too_many_attempts',
} as const satisfies Record<PluginErrorDefinition['status'], ErrorCode>

/**
 * An error from a plugin's own registry. It is a `MallError` (of the core code matching its
 * status), so everything that handles errors handles it; plugin routes answer it as a problem
 * document whose `code` is the plugin's own, `<plugin id>:<code>` (`coupons:sold_out`), which
 * it carries as `problemCode`.
 */
export class PluginError extends MallError {
  constructor(
    pluginCode: PluginErrorCode,
    definition: PluginErrorDefinition,
    detail?: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    // The base code's status is the definition's, by construction of `baseCodes`.
    super(baseCodes[definition.status], detail ?? definition.title, {
      ...extra,
      problem: { code: pluginCode, title: definition.title },
    })
    this.name = 'PluginError'
  }
}

/** Builds a plugin's errors by local code; the codes are checked by the compiler. */
export type PluginErrorFactory<C extends string> = (
  code: C,
  detail?: string,
  extra?: { errors?: FieldError[]; cause?: unknown },
) => PluginError

/**
 * Declares a plugin's error registry: one stable code per failure it reports, with its status.
 *
 * @example
 * export const couponError = definePluginErrors(manifest, {
 *   sold_out: { status: 409, title: 'This coupon is all gone' },
 * })
 * throw couponError('sold_out', `${name} has been claimed ${total} times`)
 */
export function definePluginErrors<const D extends Record<string, PluginErrorDefinition>>(
  manifest: { id: string },
  definitions: D,
): PluginErrorFactory<keyof D & string> {
  for (const code of Object.keys(definitions))
    if (!/^[a-z][a-z0-9_]*$/.test(code))
      throw new Error(`Plugin ${manifest.id}: error code "${code}" must be snake_case`)
  return (code, detail, extra = {}) =>
    new PluginError(
      `${manifest.id}:${code}`,
      definitions[code] as PluginErrorDefinition,
      detail,
      extra,
    )
}
