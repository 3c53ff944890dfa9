import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { changeFeedOf } from '../db/change-feed.ts'
import type { Db } from '../db/create-db.ts'
import { ReadCache } from '../db/read-cache.ts'
import type { CoreServices } from '../services.ts'
import { tenantCacheFor } from '../tenancy/tenant-cache.ts'

/** An answer that is the same for every visitor of a mall: no customer, cart or session in it. */
export interface SharedBody {
  status: 200 | 404
  contentType: string
  body: string
}

interface SharedAnswer extends SharedBody {
  etag: string
}

/**
 * Shared answers may sit in any cache, but each use must ask us first (`max-age=0`), so a change
 * shows on the next request; the ETag makes that revalidation a bodyless 304.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

const caches = new WeakMap<Db, ReadCache<SharedAnswer> | null>()

/**
 * The process's cache of shared answers (storefront documents, anonymous catalog reads, sitemaps)
 * over `services.db`, or null when caching is off. Any change to a mall forgets its answers.
 */
export function sharedAnswerCache(services: CoreServices): ReadCache<SharedAnswer> | null {
  let cache = caches.get(services.db)
  if (cache === undefined) {
    const { config } = services
    const feed = config.MALLKIT_CACHE ? changeFeedOf(services.db) : undefined
    cache = feed
      ? new ReadCache<SharedAnswer>(feed, {
          maxEntries: config.MALLKIT_CACHE_MAX_ENTRIES,
          maxBytes: config.MALLKIT_CACHE_MAX_MB * 1024 * 1024,
          // The body (UTF-8) dominates; the headers and the key are small change.
          sizeOf: (answer) => Buffer.byteLength(answer.body) + 256,
          ttlMs: config.MALLKIT_CACHE_TTL_SECONDS * 1000,
          forget: () => 'tenant',
        })
      : null
    caches.set(services.db, cache)
  }
  return cache
}

/**
 * Creates this process's caches (shared answers, host → mall) at boot, so that their change feed
 * is already listening when the first requests arrive.
 */
export function startCaches(services: CoreServices): void {
  sharedAnswerCache(services)
  tenantCacheFor(services.db, services.config)
}

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
  const tenant = c.var.tenant
  const cache = sharedAnswerCache(services)
  const cached = cache?.get(tenant.id, key)
  if (cached) return respond(c, cached, 'hit')
  const ticket = cache?.ticket(tenant.id)
  // A request that resolved its mall before a rename or suspension was heard carries the old row.
  const fromCurrentRow = tenantCacheFor(services.db, services.config)?.isCurrent(tenant) ?? false
  const fresh = await load()
  const answer: SharedAnswer = { ...fresh, etag: etagOf(fresh.body) }
  const stored =
    cache && ticket && fromCurrentRow ? cache.set(ticket, tenant.id, key, answer) : false
  return respond(c, answer, stored ? 'miss' : 'bypass')
}

function respond(c: Context, answer: SharedAnswer, outcome: 'hit' | 'miss' | 'bypass'): Response {
  const headers = {
    'cache-control': SHARED_CACHE_CONTROL,
    etag: answer.etag,
    // What this process's cache did, for operators and tests; reveals nothing about anyone.
    'x-mallkit-cache': outcome,
  }
  if (answer.status === 200 && matches(c.req.header('if-none-match'), answer.etag))
    return c.body(null, 304, headers)
  return c.body(answer.body, answer.status, { ...headers, 'content-type': answer.contentType })
}

function etagOf(body: string): string {
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
