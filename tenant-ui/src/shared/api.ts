/** One field's complaint in a problem document (`errors[]`), e.g. `body.email`. */
export interface FieldProblem {
  field: string
  message: string
}

/** A failed store API call: the problem document's status, stable code and field complaints. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The complaint about `field` (e.g. `body.email`), if any. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message
  }
}

/**
 * Calls the mall's store API (`<base>/api/store<path>`) from the browser with the customer's
 * cookies. JSON in, JSON out; a problem document becomes an `ApiError`, a network failure an
 * `ApiError` with status 0 and code `network`.
 */
export async function storeApi<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${base}/api/store${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  if (response.status === 204) return undefined as T
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const problem = (body ?? {}) as {
      code?: string
      detail?: string
      title?: string
      errors?: FieldProblem[]
    }
    throw new ApiError(
      response.status,
      problem.code ?? 'error',
      problem.detail ?? problem.title ?? response.statusText,
      problem.errors ?? [],
    )
  }
  return body as T
}
