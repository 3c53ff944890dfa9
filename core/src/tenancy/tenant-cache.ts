import type { Config } from '../config/env.ts'
import type { ChangeFeed } from '../db/change-feed.ts'
import type { Tenant } from '../db/schema.ts'
import { ReadCache, type CacheTicket } from '../db/read-cache.ts'
import type { Resolution } from './resolve.ts'

/** Host → mall answers: platform hosts and IP literals make keys too, so bound them. */
const MAX_ENTRIES = 10_000

/**
 * Host (and `/s/{slug}`) → mall answers of one process. Any change to a mall row or a custom
 * domain (a `tenancy` notification) forgets them all, so a suspension, a renamed slug or a removed
 * domain applies to the next request; unknown hosts are never remembered.
 */
export class TenantCache {
  readonly #cache: ReadCache<Resolution>
  // Mall rows as loaded since the last tenancy change: a request holding one of these may cache
  // answers built from it (see `isCurrent`).
  #current = new WeakSet<Tenant>()

  constructor(feed: ChangeFeed, config: Config) {
    this.#cache = new ReadCache<Resolution>(feed, {
      maxEntries: MAX_ENTRIES,
      maxBytes: Infinity,
      sizeOf: () => 0,
      ttlMs: config.MALLKIT_CACHE_TTL_SECONDS * 1000,
      forget: (change) => (change.kind === 'tenancy' ? 'all' : 'none'),
    })
    feed.subscribe({
      changed: (change) => {
        if (change.kind === 'tenancy') this.#current = new WeakSet()
      },
      reset: () => (this.#current = new WeakSet()),
    })
  }

  get(key: string): Resolution | undefined {
    return this.#cache.get('', key)
  }

  ticket(): CacheTicket {
    return this.#cache.ticket()
  }

  set(ticket: CacheTicket, key: string, resolution: Resolution): void {
    if (resolution.kind === 'unknown') return
    if (!this.#cache.set(ticket, '', key, resolution)) return
    if (resolution.kind === 'tenant') this.#current.add(resolution.tenant)
  }

  /**
   * Whether `tenant` (the row a request resolved to) is still what the database holds, as far as
   * the notifications tell. An answer rendered from a row that is no longer current (the mall was
   * renamed or suspended meanwhile) must not be cached.
   */
  isCurrent(tenant: Tenant): boolean {
    return this.#current.has(tenant)
  }
}
