import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/**
 * The channel the storefront triggers (migration 0008) notify on. The payload is
 * `<kind>:<tenant id>:<transaction id>`; PostgreSQL delivers it at commit, once per distinct
 * payload and transaction, and never for a rolled-back transaction.
 */
export const CHANGE_CHANNEL = 'mallkit_storefront'

/**
 * `content`: something a mall's pages or catalog answers show changed. `tenancy`: the mall row or
 * one of its domains changed, so host → mall answers may be wrong too (and its content with them).
 */
export type ChangeKind = 'content' | 'tenancy'

/** One committed change, as a notification announces it. */
export interface Change {
  kind: ChangeKind
  tenantId: string
}

/** What a cache registers with a feed. */
export interface ChangeSubscriber {
  changed(change: Change): void
  /** Changes may have been missed (the listener connection dropped, or came back): forget all. */
  reset(): void
}

/**
 * Committed changes of one database, delivered to the caches of this process. A cache stores
 * nothing while the feed is not `live`, since it would not hear of the next change.
 */
export interface ChangeFeed {
  readonly live: boolean
  /** Returns the function that unsubscribes. */
  subscribe(subscriber: ChangeSubscriber): () => void
}

const PAYLOAD = /^(content|tenancy):([0-9a-f-]{36}):\d+$/

/** How many recent payloads a hub remembers to recognise one heard again on another connection. */
const REMEMBERED = 4096

/** The change a notification payload announces, or null when it is not one of ours. */
export function parseChange(payload: string): Change | null {
  const match = PAYLOAD.exec(payload)
  return match ? { kind: match[1] as ChangeKind, tenantId: match[2]! } : null
}

/** A feed's subscribers; the listeners below feed it notifications and their connection state. */
export class ChangeHub implements ChangeFeed {
  #live = false
  readonly #subscribers = new Set<ChangeSubscriber>()
  // Each listening connection of this process hears every notification; act on the first.
  readonly #heard = new Set<string>()

  constructor(private readonly onFirstSubscriber?: () => void) {}

  get live(): boolean {
    return this.#live
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.#subscribers.add(subscriber)
    if (this.#subscribers.size === 1) this.onFirstSubscriber?.()
    return () => void this.#subscribers.delete(subscriber)
  }

  /**
   * Hands a notification payload to every subscriber, once however many connections hear it; one
   * we cannot read resets them.
   */
  deliver(payload: string): void {
    if (this.#heard.has(payload)) return
    this.#heard.add(payload)
    if (this.#heard.size > REMEMBERED) this.#heard.delete(this.#heard.values().next().value!)
    const change = parseChange(payload)
    for (const subscriber of this.#subscribers)
      if (change) subscriber.changed(change)
      else subscriber.reset()
  }

  /** Whether every committed change reaches this hub. Either transition resets the subscribers. */
  setLive(live: boolean): void {
    if (live === this.#live) return
    this.#live = live
    for (const subscriber of this.#subscribers) subscriber.reset()
  }
}

/**
 * PGlite is one session in this process: one LISTEN covers every write, and a notification is
 * handled before the committing query resolves. Call before the app's first query, so the LISTEN
 * never runs inside an app transaction (one session: it would be rolled back with it).
 */
export async function listenOnPglite(pglite: PGlite, hub: ChangeHub): Promise<void> {
  await pglite.listen(CHANGE_CHANNEL, (payload) => hub.deliver(payload))
  hub.setLive(true)
}

const FIRST_RETRY_MS = 100
const LAST_RETRY_MS = 5_000

/**
 * One dedicated PostgreSQL connection LISTENing for the hub: the hub is live only while it is
 * connected and listening. When it drops, the hub resets (every cache forgets) and it reconnects
 * with backoff. Started on the first subscriber (the caches `bootCore` creates), so a database
 * handle opened without them never opens it.
 */
export class PostgresListener {
  #client: pg.Client | null = null
  #closed = false
  #retryMs = FIRST_RETRY_MS
  #timer: NodeJS.Timeout | undefined

  constructor(
    private readonly url: string,
    private readonly hub: ChangeHub,
  ) {}

  start(): void {
    if (!this.#client && !this.#timer) void this.#connect()
  }

  async #connect(): Promise<void> {
    this.#timer = undefined
    if (this.#closed) return
    const client = new pg.Client({ connectionString: this.url, keepAlive: true })
    this.#client = client
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) this.hub.deliver(message.payload ?? '')
    })
    client.on('error', () => this.#lost(client))
    client.on('end', () => this.#lost(client))
    try {
      await client.connect()
      await client.query(`listen ${CHANGE_CHANNEL}`)
      if (this.#client !== client) return
      this.#retryMs = FIRST_RETRY_MS
      this.hub.setLive(true)
    } catch {
      this.#lost(client)
    }
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return
    this.#client = null
    this.hub.setLive(false)
    client.end().catch(() => undefined)
    if (this.#closed) return
    this.#timer = setTimeout(() => void this.#connect(), this.#retryMs)
    this.#timer.unref()
    this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS)
  }

  /** Stops listening for good. */
  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#timer)
    const client = this.#client
    this.#client = null
    this.hub.setLive(false)
    await client?.end().catch(() => undefined)
  }
}

/**
 * Makes each pooled app connection LISTEN too. PostgreSQL sends a session its own transaction's
 * notifications before the COMMIT returns, so a write made by this process has already
 * invalidated this process's caches when the write's request answers (read-your-writes). Other
 * processes hear of it through their dedicated listener, milliseconds later.
 */
export function listenOnPool(pool: pg.Pool, hub: ChangeHub): void {
  pool.on('connect', (client) => {
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) hub.deliver(message.payload ?? '')
    })
    // Queued before any query the pool hands this client out for.
    client.query(`listen ${CHANGE_CHANNEL}`).catch(() => undefined)
  })
}
