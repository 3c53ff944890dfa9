/** An RFC 9457 problem document, as the core answers errors. */
export interface Problem {
  status: number
  code?: string
  title?: string
  detail?: string
  errors?: { field: string; message: string }[]
}

/** A request the API refused; `problem` says why. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
  }
}

/**
 * Calls the core's JSON API on the platform host (cookies are same-origin). Mall APIs are under
 * `/s/{slug}`: use `mallApi`.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? null : JSON.stringify(init.body),
    credentials: 'same-origin',
  })
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>
    throw new ApiError({ ...problem, status: response.status })
  }
  return (response.status === 204 ? undefined : await response.json()) as T
}

/** The admin API path of a mall on the platform host. */
export const mallApi = (slug: string, path: string) =>
  `/s/${encodeURIComponent(slug)}/api/admin${path}`
