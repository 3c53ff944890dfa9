import { createHash, randomBytes } from 'node:crypto'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
const TOKEN_BYTES = 32
const TOKEN_PATTERN = /^[a-z2-7]{52}$/

/**
 * A new session token for the cookie: 32 random bytes as lowercase base32 (52 characters).
 * Only the browser holds it; the database keeps its SHA-256 (see `hashSessionToken`).
 */
export function generateSessionToken(): string {
  const bytes = randomBytes(TOKEN_BYTES)
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32[(buffer >> bits) & 31]
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * The session id stored and looked up in the database: the hex SHA-256 of the token, so a leaked
 * session table (backup, replica, log of a query) cannot be replayed as cookies.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Whether `token` looks like one `generateSessionToken` made; others are never looked up. */
export function isSessionToken(token: string): boolean {
  return TOKEN_PATTERN.test(token)
}
