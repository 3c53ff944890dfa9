import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { MallError } from '../../../http/errors.ts'

/** How far a notification's timestamp may be from our clock, either way. */
export const SANDBOX_CLOCK_WINDOW_SECONDS = 300

const HEADER = /^t=(\d{1,12}),n=([A-Za-z0-9_-]{8,64}),v1=([0-9a-f]{64})$/

function hmac(secret: string, timestamp: number, nonce: string, rawBody: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${rawBody}`).digest()
}

/**
 * The `x-sandbox-signature` header value for `rawBody`: `t=<unix seconds>,n=<nonce>,v1=<hex
 * HMAC-SHA256(secret, t.n.body)>`. What the simulated gateway sends; tests forge with it too.
 */
export function signSandboxNotification(
  secret: string,
  rawBody: string,
  at: { timestamp: number; nonce?: string },
): string {
  const nonce = at.nonce ?? randomBytes(12).toString('base64url')
  const v1 = hmac(secret, at.timestamp, nonce, rawBody).toString('hex')
  return `t=${at.timestamp},n=${nonce},v1=${v1}`
}

/**
 * Checks a sandbox signature header against `rawBody`: well-formed, within the clock window of
 * `now`, and an HMAC that matches in constant time. Returns the nonce; throws 403 otherwise.
 */
export function verifySandboxSignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  now: Date,
): { timestamp: number; nonce: string } {
  const match = header ? HEADER.exec(header.trim()) : null
  if (!match) throw refused('the x-sandbox-signature header is missing or malformed')
  const timestamp = Number(match[1])
  const nonce = match[2]!
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - timestamp)
  if (skew > SANDBOX_CLOCK_WINDOW_SECONDS)
    throw refused(`the signature timestamp is ${skew} s away from our clock`)
  const expected = hmac(secret, timestamp, nonce, rawBody)
  const given = Buffer.from(match[3]!, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refused('the signature does not verify')
  return { timestamp, nonce }
}

function refused(detail: string): MallError {
  return new MallError('forbidden', `Notification refused: ${detail}`, {
    errors: [{ field: 'header.x-sandbox-signature', message: detail }],
  })
}
