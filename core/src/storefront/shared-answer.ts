import { createHash } from 'node:crypto'
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'
import { mediaBase } from '../commerce/storage/media-url.ts'
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
  /** Names the content; each encoding's ETag adds its own suffix. */
  etag: string
  /**
   * The body in brotli, made when the answer is: at quality 1 (fast), replaced by a copy at
   * `BROTLI_QUALITY` (about a quarter smaller) made in the background once the answer has been
   * served from the cache `BROTLI_AFTER_HITS` times. Null for small bodies.
   */
  brotli: Uint8Array<ArrayBuffer> | null
  /** Whether `brotli` is the background copy. */
  brotliBest: boolean
  /** The body gzipped, made the first time a client without brotli asks. */
  gzip: Uint8Array<ArrayBuffer> | null
  /** How often the cache served it; `-1` once the better brotli copy is started. */
  hits: number
}

/** Bodies smaller than this are sent as they are: compressing would save little and cost a little. */
const COMPRESS_MIN_BYTES = 1024
/**
 * A freshly rendered answer is compressed on the event loop before it is sent (for a page of
 * tens of KB, the stream machinery of zlib's asynchronous API costs the loop about half as much
 * as compressing does). For the 33 KB home page, brotli at quality 1 takes about 65 µs for 7.0 KB;
 * gzip at level 3 about 140 µs for 6.9 KB, at level 6 about 240 µs for 6.3 KB. Every browser
 * accepts brotli over HTTPS, so a fresh answer is compressed in brotli, and in gzip only when a
 * client without brotli asks for it.
 */
const FRESH_BROTLI = brotliParams(1)
const GZIP_LEVEL = 3
/**
 * Brotli quality of the copy of a popular answer: 10 takes about 16 ms of a pool thread for the
 * home page (5.2 KB), once per page and cache fill; 11 takes three times that for 2 % less.
 */
const BROTLI_QUALITY = 10
/** Hits before an answer is worth its better copy: at most a few ms of compression per hit. */
const BROTLI_AFTER_HITS = 8

function brotliParams(quality: number, sizeHint = 0) {
  return {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: quality,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: sizeHint,
    },
  }
}

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
  const brotli =
    body.length >= COMPRESS_MIN_BYTES
      ? new Uint8Array(brotliCompressSync(body, FRESH_BROTLI))
      : null
  // Brotli at a given quality is deterministic, so its 7 KB name the content as well as the 33 KB
  // they came from, in every process.
  const answer: SharedAnswer = {
    ...fresh,
    body,
    etag: etagOf(brotli ?? body),
    brotli,
    brotliBest: false,
    gzip: null,
    hits: 0,
  }
  const stored =
    caches && ticket && fromCurrentRow
      ? caches.sharedAnswers.set(ticket, tenant.id, key, answer)
      : false
  return respond(c, answer, stored ? 'miss' : 'bypass')
}

/**
 * A shared JSON answer at `key` (plus the request's media prefix, which its URLs carry), typed as
 * the route's 200. Only for answers that are the same for every shopper of the mall.
 */
export async function sharedJson<T>(
  c: Context,
  services: CoreServices,
  key: string,
  load: () => Promise<T>,
): Promise<Response & TypedResponse<JSONParsed<T>, 200, 'json'>> {
  const response = await sharedAnswer(c, services, `api ${mediaBase(c)} ${key}`, async () => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(await load()),
  }))
  // The body is `load()`'s value as JSON (or a bodyless 304 revalidating it).
  return response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}

/** Counts a hit of a cached answer; at the `BROTLI_AFTER_HITS`th, starts its better brotli copy. */
function countHit(answer: SharedAnswer): void {
  if (answer.hits < 0 || ++answer.hits < BROTLI_AFTER_HITS || !answer.brotli) return
  answer.hits = -1
  // On a pool thread, off the event loop; until it is done, clients get the quick copy.
  brotliCompress(answer.body, brotliParams(BROTLI_QUALITY, answer.body.length), (error, better) => {
    // On failure the quick copy stays.
    if (error) return
    answer.brotli = new Uint8Array(better)
    answer.brotliBest = true
  })
}

/**
 * Sends a shared answer in brotli, else gzip (made the first time it is needed), else as it is,
 * whichever the client accepts first (each copy with its own ETag), or a bodyless 304 when the
 * client's copy is current.
 *
 * The answer is a `Response` made with a plain header object, not `c.body()`: Hono would copy the
 * headers into a `Headers` (each one validated, then sorted when the Node adapter reads them
 * back), while the adapter writes a plain object straight out, a tenth of a cached page's cost.
 * It carries exactly these headers, plus the request id the request context would have added:
 * never a cookie.
 */
function respond(c: Context, answer: SharedAnswer, outcome: 'hit' | 'miss' | 'bypass'): Response {
  if (outcome === 'hit') countHit(answer)
  const accepted = answer.brotli ? acceptedEncodings(c.req.header('accept-encoding')) : NONE
  const encoding = accepted.br ? 'br' : accepted.gzip ? 'gzip' : null
  const etag = encoding
    ? `${answer.etag.slice(0, -1)}-${etagSuffix(answer, encoding)}"`
    : answer.etag
  const headers: Record<string, string> = {
    'cache-control': SHARED_CACHE_CONTROL,
    etag,
    vary: 'accept-encoding',
    // What this process's cache did, for operators and tests; reveals nothing about anyone.
    'x-mallkit-cache': outcome,
  }
  const requestId = c.get('requestId')
  if (requestId) headers['x-request-id'] = requestId
  if (answer.status === 200 && matches(c.req.header('if-none-match'), etag))
    return new Response(null, { status: 304, headers })
  headers['content-type'] = answer.contentType
  if (encoding) headers['content-encoding'] = encoding
  if (encoding === 'gzip')
    answer.gzip ??= new Uint8Array(gzipSync(answer.body, { level: GZIP_LEVEL }))
  const body = (encoding && answer[encoding === 'br' ? 'brotli' : 'gzip']) || answer.body
  return new Response(body, { status: answer.status, headers })
}

/** Each encoding's ETag suffix; the quick and the better brotli copies differ in their bytes. */
const etagSuffix = (answer: SharedAnswer, encoding: 'br' | 'gzip') =>
  encoding === 'gzip' ? 'gz' : answer.brotliBest ? 'br' : 'br1'

/** The compressed encodings a client takes. */
export interface AcceptedEncodings {
  gzip: boolean
  br: boolean
}

const NONE: AcceptedEncodings = { gzip: false, br: false }
/** Parsed `Accept-Encoding` values: browsers send one of a handful, on every request. */
const parsedHeaders = new Map<string, AcceptedEncodings>()
const PARSED_HEADERS_MAX = 64

/**
 * Which of gzip and brotli `Accept-Encoding` allows (`gzip`, `br;q=0.5`, `*`; not `gzip;q=0`).
 */
export function acceptedEncodings(header: string | undefined): AcceptedEncodings {
  if (!header) return NONE
  let accepted = parsedHeaders.get(header)
  if (accepted) return accepted
  accepted = { gzip: accepts(header, 'gzip'), br: accepts(header, 'br') }
  if (parsedHeaders.size >= PARSED_HEADERS_MAX) parsedHeaders.clear()
  parsedHeaders.set(header, accepted)
  return accepted
}

function accepts(header: string, wanted: string): boolean {
  // An encoding named explicitly decides (`gzip;q=0, *` refuses gzip); else `*` does.
  let anyOther = false
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const allowed = !q || Number(q.slice(2)) > 0
    if (coding.trim() === wanted) return allowed
    if (coding.trim() === '*') anyOther = allowed
  }
  return anyOther
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
