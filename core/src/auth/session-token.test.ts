import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateSessionToken, hashSessionToken, isSessionToken } from './session-token.ts'

describe('generateSessionToken', () => {
  it('encodes 32 random bytes as 52 lowercase base32 characters', () => {
    const token = generateSessionToken()
    expect(token).toMatch(/^[a-z2-7]{52}$/)
    expect(isSessionToken(token)).toBe(true)
  })

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken))
    expect(tokens.size).toBe(1000)
  })

  it('uses every symbol of the alphabet', () => {
    const seen = new Set(Array.from({ length: 50 }, generateSessionToken).join(''))
    expect(seen.size).toBe(32)
  })
})

describe('hashSessionToken', () => {
  it('is the hex SHA-256 of the token', () => {
    const token = generateSessionToken()
    const expected = createHash('sha256').update(token).digest('hex')
    expect(hashSessionToken(token)).toBe(expected)
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('isSessionToken', () => {
  it('rejects anything generateSessionToken cannot produce', () => {
    const token = generateSessionToken()
    expect(isSessionToken(token.toUpperCase())).toBe(false)
    expect(isSessionToken(token.slice(1))).toBe(false)
    expect(isSessionToken(`${token}a`)).toBe(false)
    expect(isSessionToken(hashSessionToken(token))).toBe(false)
    expect(isSessionToken('')).toBe(false)
  })
})
