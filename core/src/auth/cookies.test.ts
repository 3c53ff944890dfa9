import { generateCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/env.ts'
import { sessionCookie } from './cookies.ts'

const tenantId = '0b6f3c1e-8d2a-4e5f-9a7b-1c2d3e4f5a6b'
const insecure = loadConfig({ NODE_ENV: 'development' })
const secure = loadConfig({ NODE_ENV: 'production' })

describe('sessionCookie', () => {
  it('names the staff cookie mk_staff and each mall its own customer cookie', () => {
    expect(sessionCookie(insecure, 'staff').name).toBe('mk_staff')
    expect(sessionCookie(insecure, 'customer', tenantId).name).toBe(
      'mk_c_0b6f3c1e8d2a4e5f9a7b1c2d3e4f5a6b',
    )
    const other = sessionCookie(insecure, 'customer', '11111111-2222-4333-8444-555555555555')
    expect(other.name).not.toBe(sessionCookie(insecure, 'customer', tenantId).name)
  })

  it('is HttpOnly, SameSite=Lax, Path=/ and lives 30 days, without Secure in development', () => {
    const { name, options } = sessionCookie(insecure, 'staff')
    expect(generateCookie(name, 'token', options)).toBe(
      'mk_staff=token; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax',
    )
  })

  it('adds Secure and the __Host- prefix when cookies must be secure', () => {
    const { name, options } = sessionCookie(secure, 'customer', tenantId)
    expect(name).toBe('__Host-mk_c_0b6f3c1e8d2a4e5f9a7b1c2d3e4f5a6b')
    expect(generateCookie(name, 'token', options)).toBe(
      `${name}=token; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
    )
  })

  it('follows MALLKIT_SECURE_COOKIES over NODE_ENV', () => {
    const forced = loadConfig({ NODE_ENV: 'development', MALLKIT_SECURE_COOKIES: 'true' })
    expect(sessionCookie(forced, 'staff').name).toBe('__Host-mk_staff')
    const off = loadConfig({ NODE_ENV: 'production', MALLKIT_SECURE_COOKIES: 'false' })
    expect(sessionCookie(off, 'staff').options.secure).toBeUndefined()
  })

  it('refuses a customer cookie without a mall', () => {
    expect(() => sessionCookie(insecure, 'customer', '')).toThrow(TypeError)
  })
})
