import type { Config } from '../config/env.ts'
import type { ChangeFeed } from '../db/change-feed.ts'
import { ReadCache, type ReadCacheOptions } from '../db/read-cache.ts'
import { TenantCache } from '../tenancy/tenant-cache.ts'
import type { ContentRead } from './read-through.ts'
import type { SharedAnswer } from './shared-answer.ts'

/**
 * This process's read caches over its database, kept coherent by the database's change feed.
 * Created once at boot (`CoreServices.caches`), so the feed already listens when the first request
 * arrives.
 */
export interface ProcessCaches {
  /** Storefront documents, anonymous catalog reads, sitemaps (`shared-answer.ts`). */
  sharedAnswers: ReadCache<SharedAnswer>
  /** A mall's content reads the storefront renders from (`read-through.ts`). */
  contentReads: ReadCache<ContentRead>
  /** Host → mall answers (`tenant-cache.ts`). */
  tenants: TenantCache
}

/** The process's caches over `feed`, or null when `MALLKIT_CACHE` turns them off. */
export function createCaches(config: Config, feed: ChangeFeed): ProcessCaches | null {
  if (!config.MALLKIT_CACHE) return null
  // Bounded by the configured budget, each; any change to a mall forgets its entries.
  const perMall = <V>(sizeOf: (value: V) => number): ReadCacheOptions<V> => ({
    maxEntries: config.MALLKIT_CACHE_MAX_ENTRIES,
    maxBytes: config.MALLKIT_CACHE_MAX_MB * 1024 * 1024,
    sizeOf,
    ttlMs: config.MALLKIT_CACHE_TTL_SECONDS * 1000,
    forget: () => 'tenant',
  })
  return {
    // The body dominates; the headers and the key are small change. A gzip copy, made when a
    // client without brotli asks, is budgeted as a second brotli copy (about the same size).
    sharedAnswers: new ReadCache<SharedAnswer>(
      feed,
      perMall((answer) => answer.body.length + 2 * (answer.brotli?.length ?? 0) + 256),
    ),
    contentReads: new ReadCache<ContentRead>(
      feed,
      perMall((entry) => entry.bytes),
    ),
    tenants: new TenantCache(feed, config),
  }
}
