import type { Change, ChangeFeed } from './change-feed.ts'

/** How big a cache may grow, how long an entry lives, and what a change makes it forget. */
export interface ReadCacheOptions<V> {
  maxEntries: number
  /** Sum of `sizeOf` over the entries; `Infinity` to bound by entries only. */
  maxBytes: number
  sizeOf(value: V): number
  ttlMs: number
  /** `tenant`: the changed mall's entries; `all`: everything; `none`: nothing. */
  forget(change: Change): 'tenant' | 'all' | 'none'
  now?: () => number
}

/**
 * Taken before reading the database for an entry: `set` stores the result only if no change that
 * could concern it was heard since. Without it, a read that began before a change and finished
 * after its notification would store the old answer for good.
 */
export interface CacheTicket {
  readonly tenantId: string | undefined
  readonly generation: number
  readonly epoch: number
}

interface Entry<V> {
  tenantId: string
  value: V
  bytes: number
  expiresAt: number
  /** The cache's tick when the entry was stored or last moved to the young end. */
  tick: number
}

/**
 * An LRU cache (bounded by entries and by bytes) of answers read from one database, grouped by
 * mall and kept coherent by the database's change feed: a change forgets the mall's entries, a
 * feed reset forgets everything, and while the feed is not live nothing is served or stored.
 *
 * ```ts
 * const hit = cache.get(tenantId, key)
 * if (hit) return hit
 * const ticket = cache.ticket(tenantId)
 * const value = await readFromDatabase()
 * cache.set(ticket, tenantId, key, value)
 * ```
 */
export class ReadCache<V> {
  // Map iteration order is insertion order: the first key is the least recently used.
  readonly #entries = new Map<string, Entry<V>>()
  readonly #keysByTenant = new Map<string, Set<string>>()
  readonly #generations = new Map<string, number>()
  #epoch = 0
  #bytes = 0
  /** Counts stores and moves: `#tick - entry.tick` bounds how many entries are younger. */
  #tick = 0
  readonly #now: () => number

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: ReadCacheOptions<V>,
  ) {
    this.#now = options.now ?? Date.now
    feed.subscribe({
      changed: (change) => {
        const scope = options.forget(change)
        if (scope === 'all') this.clear()
        else if (scope === 'tenant') this.#forgetTenant(change.tenantId)
      },
      reset: () => this.clear(),
    })
  }

  /** Number of entries and their total size. */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes }
  }

  get(tenantId: string, key: string): V | undefined {
    if (!this.feed.live) return undefined
    const id = entryId(tenantId, key)
    const entry = this.#entries.get(id)
    if (!entry) return undefined
    if (entry.expiresAt <= this.#now()) {
      this.#delete(id)
      return undefined
    }
    // Moving an entry to the young end of the order (deleting and re-adding it) costs two hash
    // operations and, on a Map that churns, rehashing: a popular page is asked for thousands of
    // times a second. So an entry moves only once it may be in the older half; the younger half
    // is never evicted next, which keeps this close to LRU.
    if (this.#tick - entry.tick >= this.#entries.size / 2) {
      this.#entries.delete(id)
      this.#entries.set(id, entry)
      entry.tick = ++this.#tick
    }
    return entry.value
  }

  /** Marks the start of a read for `tenantId` (or, omitted, for an entry of any mall). */
  ticket(tenantId?: string): CacheTicket {
    return {
      tenantId,
      generation: tenantId === undefined ? 0 : (this.#generations.get(tenantId) ?? 0),
      epoch: this.#epoch,
    }
  }

  /** Whether nothing that concerns `ticket` changed since it was taken, and the feed is live. */
  isCurrent(ticket: CacheTicket): boolean {
    return (
      this.feed.live &&
      ticket.epoch === this.#epoch &&
      (ticket.tenantId === undefined ||
        (this.#generations.get(ticket.tenantId) ?? 0) === ticket.generation)
    )
  }

  /** Stores `value` read under `ticket`; returns false (storing nothing) when it may be stale. */
  set(ticket: CacheTicket, tenantId: string, key: string, value: V): boolean {
    if (!this.isCurrent(ticket)) return false
    const bytes = this.options.sizeOf(value)
    if (bytes > this.options.maxBytes) return false
    const id = entryId(tenantId, key)
    this.#delete(id)
    this.#entries.set(id, {
      tenantId,
      value,
      bytes,
      expiresAt: this.#now() + this.options.ttlMs,
      tick: ++this.#tick,
    })
    this.#bytes += bytes
    let keys = this.#keysByTenant.get(tenantId)
    if (!keys) this.#keysByTenant.set(tenantId, (keys = new Set()))
    keys.add(id)
    while (this.#entries.size > this.options.maxEntries || this.#bytes > this.options.maxBytes) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#delete(oldest)
    }
    return true
  }

  /** Forgets everything, and makes every ticket taken so far stale. */
  clear(): void {
    this.#epoch++
    this.#entries.clear()
    this.#keysByTenant.clear()
    this.#bytes = 0
  }

  #forgetTenant(tenantId: string): void {
    this.#generations.set(tenantId, (this.#generations.get(tenantId) ?? 0) + 1)
    for (const id of this.#keysByTenant.get(tenantId) ?? []) this.#delete(id)
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id)
    if (!entry) return
    this.#entries.delete(id)
    this.#bytes -= entry.bytes
    const keys = this.#keysByTenant.get(entry.tenantId)
    keys?.delete(id)
    if (keys?.size === 0) this.#keysByTenant.delete(entry.tenantId)
  }
}

const entryId = (tenantId: string, key: string) => `${tenantId}\n${key}`
