import { sql, type Selectable, type Transaction } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/create-db.ts'
import type { AuthThrottleTable, Database } from '../db/schema.ts'
import { MallError } from '../http/errors.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** How many failures a key absorbs, and how long it locks after that. */
export interface ThrottlePolicy {
  /** Failures in one window that cost nothing. */
  free: number
  windowMs: number
  /** How long the `failures`-th failure (beyond `free`) locks the key. */
  lockMs(failures: number): number
  /**
   * Whether the window stays open until `windowMs` after the last lock ended, so a guesser who
   * waits out each lock keeps escalating instead of starting a fresh window of free failures.
   */
  holdWindowAfterLock: boolean
}

/**
 * Per account: 5 failures in a 15-minute window are free; the n-th failure after that locks the
 * account for 30 s × 2^(n-6), capped at 15 minutes (30 s, 1 min, 2 min, … 15 min). The count
 * restarts with a failure that comes 15 minutes after the window opened and 15 minutes after the
 * last lock ended; a successful login clears it. No lock ever lasts longer than 15 minutes.
 */
export const accountThrottlePolicy: ThrottlePolicy = {
  free: 5,
  windowMs: 15 * MINUTE,
  lockMs: (failures) => Math.min(30 * SECOND * 2 ** (failures - 6), 15 * MINUTE),
  holdWindowAfterLock: true,
}

/**
 * Per IP: the 50th failure within 15 minutes (over any accounts) locks the IP for 15 minutes; the
 * next window opens when the lock ends. Successes do not clear it: a guesser who knows one
 * password must not reset the count for the others.
 */
export const ipThrottlePolicy: ThrottlePolicy = {
  free: 49,
  windowMs: 15 * MINUTE,
  lockMs: () => 15 * MINUTE,
  holdWindowAfterLock: false,
}

/** The throttle key of one login account; `tenantId` is null for the platform-wide staff realm. */
export function accountThrottleKey(
  realm: 'staff' | 'customer',
  tenantId: string | null,
  identifier: string,
): string {
  return `account:${realm}:${tenantId ?? '-'}:${identifier.trim().toLowerCase()}`
}

/** The throttle key of one client address. */
export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`
}

/** One login attempt, counted as a failure until it reports success. */
export interface LoginAttempt {
  /** Seconds until the attempt's keys unlock if it fails (0: the failure costs nothing more). */
  readonly lockSecondsIfFailed: number
  /** The password was right: clears the account key and returns the attempt to the IP key. */
  succeeded(): Promise<void>
}

/** Login throttling shared by every process through `core__auth_throttle`. */
export interface LoginThrottle {
  /**
   * Reserves an attempt on both keys before the password is checked, or throws
   * `too_many_attempts` (with `retry-after`) when either key is locked.
   */
  begin(keys: { account: string; ip: string }): Promise<LoginAttempt>
}

type ThrottleState = Omit<Selectable<AuthThrottleTable>, 'key'>
type Entry = { key: string; policy: ThrottlePolicy }

/**
 * The login throttle. An attempt counts as a failure from the moment it begins (and is given back
 * on success), so a burst of concurrent guesses cannot all pass the lock check before any of them
 * is recorded: rows are locked and updated in one transaction per attempt.
 */
export function createLoginThrottle(deps: { db: Db; clock: Clock }): LoginThrottle {
  const { db, clock } = deps
  return {
    async begin(keys) {
      const now = clock.now()
      // Every attempt locks its account row before its IP row, so concurrent attempts may queue
      // on a shared row but never deadlock.
      const entries: Entry[] = [
        { key: keys.account, policy: accountThrottlePolicy },
        { key: keys.ip, policy: ipThrottlePolicy },
      ]
      const lockSecondsIfFailed = await db.transaction().execute(async (tx) => {
        const rows = []
        for (const entry of entries) rows.push(await lockRow(tx, entry.key, now))
        const lockedUntil = latest(rows.map((row) => row.locked_until))
        if (lockedUntil && lockedUntil > now)
          throw tooManyAttempts(secondsBetween(now, lockedUntil))

        let lockedIfFailed: Date | null = null
        for (const [i, entry] of entries.entries()) {
          const next = countFailure(rows[i]!, entry.policy, now)
          await tx
            .updateTable('core__auth_throttle')
            .set(next)
            .where('key', '=', entry.key)
            .execute()
          lockedIfFailed = latest([lockedIfFailed, next.locked_until])
        }
        return lockedIfFailed ? secondsBetween(now, lockedIfFailed) : 0
      })
      return {
        lockSecondsIfFailed,
        async succeeded() {
          await db.deleteFrom('core__auth_throttle').where('key', '=', keys.account).execute()
          // Gives the attempt back; a lock it set (as the IP's 50th) goes with it.
          const { free } = ipThrottlePolicy
          await db
            .updateTable('core__auth_throttle')
            .set({
              failures: sql`greatest(failures - 1, 0)`,
              locked_until: sql`case when failures - 1 > ${free} then locked_until end`,
            })
            .where('key', '=', keys.ip)
            .execute()
        },
      }
    },
  }
}

/** `too_many_attempts`, telling the client in `retry-after` how many seconds to wait. */
export function tooManyAttempts(retryAfterSeconds: number): MallError {
  return new MallError(
    'too_many_attempts',
    `Too many failed logins; try again in ${retryAfterSeconds} s`,
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  )
}

// Reads the key's row, creating it when missing, and holds its row lock until the transaction
// ends (an upsert that changes nothing still locks the row it returns).
async function lockRow(tx: Transaction<Database>, key: string, now: Date) {
  return tx
    .insertInto('core__auth_throttle')
    .values({ key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({ key: (eb) => eb.ref('excluded.key') }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

// The row after one more failure: a new window when the last one has ended, and a lock once the
// failures exceed what the policy lets through for free.
function countFailure(row: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  const lastLockEnd = policy.holdWindowAfterLock ? row.locked_until : null
  const windowEnd =
    (latest([row.window_started_at, lastLockEnd]) ?? now).getTime() + policy.windowMs
  const fresh = row.failures === 0 || now.getTime() >= windowEnd
  const failures = fresh ? 1 : row.failures + 1
  return {
    failures,
    window_started_at: fresh ? now : row.window_started_at,
    locked_until:
      failures > policy.free
        ? new Date(now.getTime() + policy.lockMs(failures))
        : fresh
          ? null
          : row.locked_until,
  }
}

function latest(dates: readonly (Date | null)[]): Date | null {
  let result: Date | null = null
  for (const date of dates) if (date && (!result || date > result)) result = date
  return result
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / SECOND))
}
