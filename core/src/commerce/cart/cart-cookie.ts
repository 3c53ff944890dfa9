import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'

const THIRTY_DAYS = 30 * 24 * 60 * 60

/** The guest cart cookie of a mall: `mk_cart_<tenant id without dashes>`. */
export function cartCookieName(tenantId: string): string {
  return `mk_cart_${tenantId.replaceAll('-', '')}`
}

function options(c: Context): CookieOptions {
  const secure = new URL(c.req.url).protocol === 'https:'
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: THIRTY_DAYS,
    ...(secure ? { secure } : {}),
  }
}

/** Only the SHA-256 of the token is stored, so a database leak hands out no carts. */
export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The hash of the guest cart token the request carries, if it carries a well-formed one. */
export function guestCartHash(c: Context, tenantId: string): string | undefined {
  const token = getCookie(c, cartCookieName(tenantId))
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashCartToken(token) : undefined
}

/** Issues a new guest cart token (HttpOnly, SameSite=Lax) and returns its hash. */
export function issueGuestCart(c: Context, tenantId: string): string {
  const token = randomBytes(32).toString('base64url')
  setCookie(c, cartCookieName(tenantId), token, options(c))
  return hashCartToken(token)
}

/** Drops the guest cart cookie (after its lines moved into the customer's cart). */
export function clearGuestCart(c: Context, tenantId: string): void {
  deleteCookie(c, cartCookieName(tenantId), { path: '/' })
}
