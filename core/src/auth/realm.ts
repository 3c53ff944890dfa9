import { Lucia, TimeSpan, type Adapter, type User } from 'lucia'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/create-db.ts'
import { MallError } from '../http/errors.ts'
import { parseLoginIdentifier, type LoginIdentifier } from './identifier.ts'
import { verifyPassword } from './password.ts'
import { generateSessionToken, hashSessionToken, isSessionToken } from './session-token.ts'
import {
  accountThrottleKey,
  createLoginThrottle,
  ipThrottleKey,
  tooManyAttempts,
} from './throttle.ts'

/** How long a session lives; lucia extends it to the full length once half has passed. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60

/** A new session: the token for the cookie (never stored), its user and its expiry. */
export interface SessionResult<U> {
  token: string
  user: U
  expiresAt: Date
}

/**
 * One population of accounts (staff, or one mall's customers) with its own sessions and cookie.
 * Every method runs its own short queries and transactions: call it outside any open transaction
 * (on PGlite, one connection, a call nested in a transaction would wait forever).
 */
export interface AuthRealm<U> {
  /** Password login with throttling; invalidates `previousToken`'s session (rotation on login). */
  login(input: {
    identifier: string
    password: string
    ip: string
    previousToken?: string | undefined
  }): Promise<SessionResult<U>>
  /** Starts a session for a user already proven (after sign-up, for example). */
  createSession(userId: string): Promise<{ token: string; expiresAt: Date }>
  /** The session's user, or null; sliding expiry: `refreshed` true when lucia extended it. */
  validate(token: string): Promise<{ user: U; expiresAt: Date; refreshed: boolean } | null>
  /** Ends the token's session; unknown tokens are ignored. */
  logout(token: string): Promise<void>
  /** Ends every session of the user (privilege change, password change). */
  invalidateUser(userId: string): Promise<void>
}

type Row = Record<string, unknown>

/** What a realm needs to know about its tables; `createRealm` supplies the login flow. */
export interface RealmSpec<U extends { id: string }> {
  kind: 'staff' | 'customer'
  /** The mall of a customer realm; null for staff, who span malls. */
  tenantId: string | null
  deps: { db: Db; clock: Clock }
  adapter: Adapter
  /** The user's identity (without `id`) from the user table's attribute columns. */
  identity(attributes: Row): Omit<U, 'id'>
  /** The account an identifier names, with its id, password hash and attribute columns. */
  findAccount(
    identifier: LoginIdentifier,
  ): Promise<(Row & { id: string; password_hash: string }) | null>
}

/**
 * A realm over lucia: session ids are SHA-256 hashes of the cookie tokens, logins are throttled
 * per account and per IP, and wrong passwords and unknown accounts are indistinguishable.
 */
export function createRealm<U extends { id: string }>(spec: RealmSpec<U>): AuthRealm<U> {
  // Session expiry follows lucia's clock (the system's); the injected clock drives throttling.
  const lucia = new Lucia<Record<never, never>, Omit<U, 'id'>>(spec.adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_TTL_SECONDS, 's'),
    getUserAttributes: (attributes) => spec.identity(attributes as Row),
  })
  // Lucia types its users through one global registration, which two realms cannot share; at
  // run time a user is `{ ...getUserAttributes(row), id }`, which is exactly `U`.
  const asIdentity = (user: User) => user as unknown as U
  const throttle = createLoginThrottle(spec.deps)

  async function createSession(userId: string) {
    const token = generateSessionToken()
    const session = await lucia.createSession(userId, {}, { sessionId: hashSessionToken(token) })
    return { token, expiresAt: session.expiresAt }
  }

  return {
    async login({ identifier, password, ip, previousToken }) {
      const parsed = parseLoginIdentifier(identifier)
      const attempt = await throttle.begin({
        account: accountThrottleKey(spec.kind, spec.tenantId, parsed?.value ?? identifier),
        ip: ipThrottleKey(ip),
      })
      const account = parsed ? await spec.findAccount(parsed) : null
      // Runs for unknown accounts too (against a dummy hash), so timing does not tell them apart.
      const valid = await verifyPassword(account?.password_hash, password)
      if (!account || !valid) {
        if (attempt.lockSecondsIfFailed > 0) throw tooManyAttempts(attempt.lockSecondsIfFailed)
        throw new MallError('invalid_credentials')
      }
      await attempt.succeeded()
      if (previousToken && isSessionToken(previousToken)) {
        await lucia.invalidateSession(hashSessionToken(previousToken))
      }
      const { token, expiresAt } = await createSession(account.id)
      const user = { ...spec.identity(account), id: account.id } as unknown as U
      return { token, user, expiresAt }
    },

    createSession,

    async validate(token) {
      if (!isSessionToken(token)) return null
      const { session, user } = await lucia.validateSession(hashSessionToken(token))
      if (!session) return null
      return { user: asIdentity(user), expiresAt: session.expiresAt, refreshed: session.fresh }
    },

    async logout(token) {
      if (isSessionToken(token)) await lucia.invalidateSession(hashSessionToken(token))
    },

    invalidateUser: (userId) => lucia.invalidateUserSessions(userId),
  }
}
