import { parseOptions } from '@node-rs/argon2'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts'

describe('hashPassword', () => {
  it('hashes with argon2id at m=19456, t=2, p=1', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })
})

describe('verifyPassword', () => {
  it('accepts the password a hash was made from and rejects any other', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false)
    expect(await verifyPassword(hash, '')).toBe(false)
  })

  it('answers false without a hash, whatever the password', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false)
    expect(await verifyPassword(undefined, '')).toBe(false)
  })

  it('spends about as long on an unknown account as on a known one', async () => {
    const hash = await hashPassword('secret')
    const real = await medianMs(() => verifyPassword(hash, 'guess'))
    const missing = await medianMs(() => verifyPassword(null, 'guess'))
    // Generous bounds (machines stall); skipping the work would make `missing` near zero.
    expect(missing).toBeGreaterThan(real / 4)
  })

  it('verifies unknown accounts against a hash as costly as a real one', async () => {
    const real = parseOptions(await hashPassword('x'))
    const dummy = parseOptions(dummyPasswordHash)
    expect(dummy).toEqual(real)
  })
})

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[2]!
}
