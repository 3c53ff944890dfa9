import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import type { Context } from 'hono'
import type { CoreServices } from '../services.ts'

/** An answer that is the same for every visitor of a mall: no customer, cart or session in it. */
export interface SharedBody {
  status: 200 | 404
  contentType: string
  body: string
}

/** A shared answer as the cache keeps it (`ProcessCaches.sharedAnswers`). */
export interface SharedAnswer extends Omit<SharedBody, 'body'> {
  /** The body encoded once (UTF-8), so a hit writes bytes instead of encoding the text again. */
  body: Uint8Array<ArrayBuffer>
  etag: string
  /** The body gzipped once, for the clients that accept it (every browser); small bodies have none. */
  gzip: Uint8Array<ArrayBuffer> | null
}

/** Bodies smaller than this are sent as they are: gzip would save little and cost a little. */
const GZIP_MIN_BYTES = 1024
// On libuv's thread pool: the event loop serves other requests while a fresh page compresses.
const gzip = promisify(gzipCallback)

/**
 * Shared answers may sit in any cache, but each use must ask us first (`max-age=0`), so a change
 * shows on the next request; the ETag makes that revalidation a bodyless 304.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/**
 * Answers a request of the resolved mall with the shared answer at `key` (what, besides the mall,
 * the answer depends on), computing it with `load` on a miss. `load` must read the database only
 * after being called: the cache notes when the read began, and stores the result only if no
 * change to the mall (nor to the mall row the request resolved to) was heard meanwhile.
 */
export async function sharedAnswer(
  c: Context,
  services: CoreServices,
  key: string,
  load: () => Promise<SharedBody>,
): Promise<Response> {
  const tenant = c.get('tenant')
  const caches = services.caches
  const cached = caches?.sharedAnswers.get(tenant.id, key)
  if (cached) return respond(c, cached, 'hit')
  const ticket = caches?.sharedAnswers.ticket(tenant.id)
  // A request that resolved its mall before a rename or suspension was heard carries the old row.
  const fromCurrentRow = caches?.tenants.isCurrent(tenant) ?? false
  const fresh = await load()
  const body = new TextEncoder().encode(fresh.body)
  const zipped = body.length >= GZIP_MIN_BYTES ? new Uint8Array(await gzip(body)) : null
  const answer: SharedAnswer = { ...fresh, body, etag: etagOf(body), gzip: zipped }
  const stored =
    caches && ticket && fromCurrentRow
      ? caches.sharedAnswers.set(ticket, tenant.id, key, answer)
      : false
  return respond(c, answer, stored ? 'miss' : 'bypass')
}

/**
 * Sends a shared answer: gzipped when the client accepts it (each encoding with its own ETag), or
 * a bodyless 304 when the client's copy is current.
 */
function respond(c: Context, answer: SharedAnswer, outcome: 'hit' | 'miss' | 'bypass'): Response {
  const gzip = answer.gzip && acceptsGzip(c.req.header('accept-encoding')) ? answer.gzip : null
  const etag = gzip ? `${answer.etag.slice(0, -1)}-gz"` : answer.etag
  const headers: Record<string, string> = {
    'cache-control': SHARED_CACHE_CONTROL,
    etag,
    vary: 'accept-encoding',
    // What this process's cache did, for operators and tests; reveals nothing about anyone.
    'x-mallkit-cache': outcome,
  }
  if (answer.status === 200 && matches(c.req.header('if-none-match'), etag))
    return c.body(null, 304, headers)
  headers['content-type'] = answer.contentType
  if (gzip) headers['content-encoding'] = 'gzip'
  return c.body(gzip ?? answer.body, answer.status, headers)
}

/** Whether `Accept-Encoding` allows gzip (`gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';')
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*')
}

/** The query string with its parameters in a stable order, so `?a&b` and `?b&a` share an entry. */
export function sortedQuery(query: URLSearchParams): string {
  const sorted = new URLSearchParams(query)
  sorted.sort()
  return sorted.toString()
}
