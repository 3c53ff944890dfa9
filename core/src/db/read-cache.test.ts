import { describe, expect, it } from 'vitest'
import { ChangeHub } from './change-feed.ts'
import { ReadCache } from './read-cache.ts'

const MALL_A = '00000000-0000-4000-8000-00000000000a'
const MALL_B = '00000000-0000-4000-8000-00000000000b'

function liveCache(options: { maxEntries?: number; maxBytes?: number; ttlMs?: number } = {}) {
  const hub = new ChangeHub()
  hub.setLive(true)
  let now = 1_000
  const cache = new ReadCache<string>(hub, {
    maxEntries: options.maxEntries ?? 100,
    maxBytes: options.maxBytes ?? 1_000,
    sizeOf: (value) => value.length,
    ttlMs: options.ttlMs ?? 60_000,
    forget: (change) => (change.kind === 'tenancy' ? 'all' : 'tenant'),
    now: () => now,
  })
  const put = (tenantId: string, key: string, value: string) =>
    cache.set(cache.ticket(tenantId), tenantId, key, value)
  return { hub, cache, put, advance: (ms: number) => (now += ms) }
}

describe('ReadCache', () => {
  it('serves what was stored until a change to its mall, and keeps other malls', () => {
    const { hub, cache, put } = liveCache()
    expect(put(MALL_A, 'home', 'a')).toBe(true)
    put(MALL_B, 'home', 'b')
    expect(cache.get(MALL_A, 'home')).toBe('a')
    hub.deliver(`content:${MALL_A}:101`)
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
    expect(cache.get(MALL_B, 'home')).toBe('b')
    hub.deliver(`tenancy:${MALL_B}:102`)
    expect(cache.get(MALL_B, 'home')).toBeUndefined()
  })

  it('does not store a read that began before a change heard while it ran', () => {
    const { hub, cache } = liveCache()
    const before = cache.ticket(MALL_A)
    const other = cache.ticket(MALL_B)
    hub.deliver(`content:${MALL_A}:103`)
    expect(cache.set(before, MALL_A, 'home', 'stale')).toBe(false)
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
    // A change to another mall does not concern this read.
    expect(cache.set(other, MALL_B, 'home', 'fresh')).toBe(true)
    expect(cache.set(cache.ticket(MALL_A), MALL_A, 'home', 'fresh')).toBe(true)
  })

  it('forgets everything and stores nothing while the feed is down, then starts afresh', () => {
    const { hub, cache, put } = liveCache()
    put(MALL_A, 'home', 'a')
    const during = cache.ticket(MALL_A)
    hub.setLive(false)
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
    expect(put(MALL_A, 'home', 'a')).toBe(false)
    hub.setLive(true)
    expect(cache.set(during, MALL_A, 'home', 'a')).toBe(false)
    expect(put(MALL_A, 'home', 'a')).toBe(true)
    // A payload that is not ours could be anything: forget all.
    hub.deliver('garbage')
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
  })

  it('acts once on a notification heard on several connections', () => {
    const { hub, cache, put } = liveCache()
    hub.deliver(`content:${MALL_A}:104`)
    put(MALL_A, 'home', 'a')
    const ticket = cache.ticket(MALL_A)
    hub.deliver(`content:${MALL_A}:104`)
    expect(cache.get(MALL_A, 'home')).toBe('a')
    expect(cache.isCurrent(ticket)).toBe(true)
    hub.deliver(`content:${MALL_A}:105`)
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
  })

  it('evicts the least recently used entries beyond its entry and byte bounds', () => {
    const { cache, put } = liveCache({ maxEntries: 2, maxBytes: 10 })
    put(MALL_A, 'one', 'x')
    put(MALL_A, 'two', 'x')
    cache.get(MALL_A, 'one')
    put(MALL_A, 'three', 'x')
    expect(cache.get(MALL_A, 'two')).toBeUndefined()
    expect(cache.get(MALL_A, 'one')).toBe('x')
    put(MALL_B, 'big', '123456789')
    expect(cache.stats).toEqual({ entries: 2, bytes: 10 })
    put(MALL_B, 'more', 'x')
    expect(cache.get(MALL_A, 'one')).toBeUndefined()
    expect(cache.stats).toEqual({ entries: 2, bytes: 10 })
    expect(put(MALL_B, 'huge', '12345678901')).toBe(false)
  })

  it('keeps an entry asked for between stores, however many stores pass', () => {
    const { cache, put } = liveCache({ maxEntries: 4, maxBytes: 1_000 })
    put(MALL_A, 'hot', 'x')
    for (let i = 0; i < 50; i++) {
      put(MALL_A, `cold ${i}`, 'x')
      expect(cache.get(MALL_A, 'hot')).toBe('x')
    }
    expect(cache.stats.entries).toBe(4)
    expect(cache.get(MALL_A, 'cold 45')).toBeUndefined()
  })

  it('expires entries after the TTL', () => {
    const { cache, put, advance } = liveCache({ ttlMs: 1_000 })
    put(MALL_A, 'home', 'a')
    advance(999)
    expect(cache.get(MALL_A, 'home')).toBe('a')
    advance(1)
    expect(cache.get(MALL_A, 'home')).toBeUndefined()
  })
})
