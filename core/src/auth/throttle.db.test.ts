import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../test/db.ts'
import { ManualClock } from '../clock.ts'
import { MallError } from '../http/errors.ts'
import {
  accountThrottleKey,
  createLoginThrottle,
  ipThrottleKey,
  type LoginThrottle,
} from './throttle.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND

let handle: TestDb
let clock: ManualClock
let throttle: LoginThrottle
let counter = 0

beforeAll(async () => {
  handle = await createTestDb()
  clock = new ManualClock()
  throttle = createLoginThrottle({ db: handle.db, clock })
})

afterAll(async () => {
  await handle?.close()
})

/** Keys no other test uses. */
function freshKeys() {
  counter++
  return {
    account: accountThrottleKey('staff', null, `user-${counter}@example.com`),
    ip: ipThrottleKey(`192.0.2.${counter}`),
  }
}

/** Begins an attempt and lets it fail; answers the seconds it locked for, or the refusal. */
async function fail(keys: { account: string; ip: string }): Promise<number | MallError> {
  try {
    return (await throttle.begin(keys)).lockSecondsIfFailed
  } catch (error) {
    if (error instanceof MallError) return error
    throw error
  }
}

function retryAfter(outcome: number | MallError): string | undefined {
  if (!(outcome instanceof MallError)) throw new Error(`Expected a refusal, got ${outcome}`)
  expect(outcome.code).toBe('too_many_attempts')
  return outcome.headers?.['retry-after']
}

async function row(key: string) {
  return handle.db
    .selectFrom('core__auth_throttle')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst()
}

describe('accountThrottleKey', () => {
  it('names the realm, the mall and the lowercased identifier', () => {
    expect(accountThrottleKey('staff', null, ' Sam@Example.com')).toBe(
      'account:staff:-:sam@example.com',
    )
    expect(accountThrottleKey('customer', 'T1', '+8613800138000')).toBe(
      'account:customer:T1:+8613800138000',
    )
    expect(ipThrottleKey('203.0.113.9')).toBe('ip:203.0.113.9')
  })
})

describe('createLoginThrottle', () => {
  it('doubles the account lock from 30 s up to 15 minutes, never longer', async () => {
    const keys = freshKeys()
    for (let i = 1; i <= 5; i++) expect(await fail(keys)).toBe(0)
    const locks: number[] = []
    for (let i = 6; i <= 13; i++) {
      const seconds = await fail(keys)
      if (typeof seconds !== 'number') throw seconds
      locks.push(seconds)
      expect(retryAfter(await fail(keys))).toBe(String(seconds))
      clock.advance(seconds * SECOND)
    }
    expect(locks).toEqual([30, 60, 120, 240, 480, 900, 900, 900])
  })

  it('escalates while guesses follow the locks and restarts after 15 quiet minutes', async () => {
    const keys = freshKeys()
    for (let i = 1; i <= 5; i++) await fail(keys)
    expect(await fail(keys)).toBe(30)
    // The window opened 15¼ minutes ago, but the lock ended only 14¾ minutes ago: still open.
    clock.advance(30 * SECOND + 14 * MINUTE + 45 * SECOND)
    expect(await fail(keys)).toBe(60)
    // 15 minutes after the last lock ended (and the window opened), failures are free again.
    clock.advance(60 * SECOND + 15 * MINUTE)
    for (let i = 1; i <= 5; i++) expect(await fail(keys)).toBe(0)
    expect(await fail(keys)).toBe(30)
  })

  it('opens a new window of free failures 15 minutes after the first one', async () => {
    const keys = freshKeys()
    for (let i = 1; i <= 5; i++) await fail(keys)
    clock.advance(15 * MINUTE)
    for (let i = 1; i <= 5; i++) expect(await fail(keys)).toBe(0)
    expect((await row(keys.account))?.failures).toBe(5)
  })

  it('does not count attempts refused by a lock', async () => {
    const keys = freshKeys()
    for (let i = 1; i <= 6; i++) await fail(keys)
    for (let i = 1; i <= 10; i++) retryAfter(await fail(keys))
    expect((await row(keys.account))?.failures).toBe(6)
    clock.advance(30 * SECOND)
    expect(await fail(keys)).toBe(60)
  })

  it('lets only the free attempts and the locking one through a concurrent burst', async () => {
    const keys = freshKeys()
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => fail(keys)))
    const passed = outcomes.filter((outcome) => typeof outcome === 'number')
    expect(passed.sort()).toEqual([0, 0, 0, 0, 0, 30])
    expect(outcomes.filter((outcome) => outcome instanceof MallError)).toHaveLength(14)
    expect(await row(keys.account)).toMatchObject({ failures: 6 })
    expect(await row(keys.ip)).toMatchObject({ failures: 6 })
  })

  it('clears the account key on success but keeps the IP count of other failures', async () => {
    const keys = freshKeys()
    for (let i = 1; i <= 3; i++) await fail(keys)
    const attempt = await throttle.begin(keys)
    await attempt.succeeded()
    expect(await row(keys.account)).toBeUndefined()
    expect((await row(keys.ip))?.failures).toBe(3)
  })

  it('locks an IP at its 50th failure in 15 minutes, over any accounts', async () => {
    const { ip } = freshKeys()
    for (let i = 1; i <= 49; i++) expect(await fail({ ...freshKeys(), ip })).toBe(0)
    expect(await fail({ ...freshKeys(), ip })).toBe(900)
    expect(retryAfter(await fail({ ...freshKeys(), ip }))).toBe('900')
    clock.advance(15 * MINUTE)
    expect(await fail({ ...freshKeys(), ip })).toBe(0)
  })

  it('lifts the IP lock an attempt set when that attempt succeeds', async () => {
    const { ip } = freshKeys()
    for (let i = 1; i <= 49; i++) await fail({ ...freshKeys(), ip })
    const attempt = await throttle.begin({ ...freshKeys(), ip })
    expect(attempt.lockSecondsIfFailed).toBe(900)
    await attempt.succeeded()
    expect(await row(ip)).toMatchObject({ failures: 49, locked_until: null })
    expect(await fail({ ...freshKeys(), ip })).toBe(900)
  })
})
