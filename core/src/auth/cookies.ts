import type { CookieOptions } from 'hono/utils/cookie'
import { secureCookies, type Config } from '../config/env.ts'
import { SESSION_TTL_SECONDS } from './realm.ts'

/** A session cookie's name and the options to pass to Hono's `setCookie` and `deleteCookie`. */
export interface SessionCookie {
  name: string
  options: CookieOptions
}

/**
 * The session cookie of a realm: HttpOnly, SameSite=Lax, Path=/, living as long as a session; with
 * secure cookies on, also Secure and `__Host-` prefixed (no Domain, so no subdomain can set it).
 * Each mall has its own name (`mk_c_<tenant id without dashes>`), because malls served from the
 * platform host under `/s/<slug>/` share one cookie jar.
 */
export function sessionCookie(config: Config, realm: 'staff'): SessionCookie
export function sessionCookie(config: Config, realm: 'customer', tenantId: string): SessionCookie
export function sessionCookie(
  config: Config,
  realm: 'staff' | 'customer',
  tenantId?: string,
): SessionCookie
export function sessionCookie(
  config: Config,
  realm: 'staff' | 'customer',
  tenantId?: string,
): SessionCookie {
  if (realm === 'customer' && !tenantId) throw new TypeError('A customer cookie needs a tenant id')
  const base = realm === 'staff' ? 'mk_staff' : `mk_c_${tenantId!.replaceAll('-', '')}`
  const options: CookieOptions = {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  }
  if (!secureCookies(config)) return { name: base, options }
  return { name: `__Host-${base}`, options: { ...options, secure: true } }
}
