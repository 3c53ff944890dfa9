import type { ApiError } from '../../shared/api.ts'

/**
 * The selections the checkout sends (`selections` of the preview and the order): the choices of
 * the plugins on for the mall, or undefined when there are none.
 */
export function sentSelections(
  chosen: Record<string, unknown>,
  plugins: readonly string[],
): Record<string, unknown> | undefined {
  const sent = Object.fromEntries(
    Object.entries(chosen).filter(([pluginId]) => plugins.includes(pluginId)),
  )
  return Object.keys(sent).length > 0 ? sent : undefined
}

/**
 * The plugins whose selection a refused request names (`body.selections.<plugin id>…`), with
 * the reason given.
 */
export function refusedSelections(error: ApiError): Record<string, string> {
  const refused: Record<string, string> = {}
  for (const problem of error.errors) {
    const [where, key, pluginId] = problem.field.split('.')
    if (where === 'body' && key === 'selections' && pluginId) refused[pluginId] ??= problem.message
  }
  return refused
}
