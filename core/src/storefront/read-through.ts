import type { CoreServices } from '../services.ts'

/** A content read as the cache keeps it (`ProcessCaches.contentReads`), with its JSON size. */
export interface ContentRead {
  value: unknown
  bytes: number
}

/**
 * Reads one of a mall's content answers (a published page, the products a block shows) through
 * the process's cache: `load` runs on a miss, and its result is kept until any change to the mall
 * is heard (the same change feed as the HTML cache). `load` must not read before it is called, and
 * its result must be plain JSON that is never mutated (it is shared between requests) and never
 * personal. The storefront renders from these on an HTML cache miss, so a page in another locale
 * or with another query string costs a render, not the mall's queries again.
 */
export type ReadThrough = <T>(key: string, load: () => Promise<T>) => Promise<T>

/** The read-through cache of one mall; loads every time when caching is off. */
export function readThroughFor(services: CoreServices, tenantId: string): ReadThrough {
  const cache = services.caches?.contentReads
  if (!cache) return (_key, load) => load()
  return async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(tenantId, key)
    if (hit) return hit.value as T
    const ticket = cache.ticket(tenantId)
    const value = await load()
    // Undefined has no JSON; such an answer is simply not kept.
    const json = JSON.stringify(value) as string | undefined
    if (json !== undefined) cache.set(ticket, tenantId, key, { value, bytes: json.length * 2 })
    return value
  }
}
