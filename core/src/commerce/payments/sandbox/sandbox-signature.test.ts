import { describe, expect, it } from 'vitest'
import { MallError } from '../../../http/errors.ts'
import { signSandboxNotification, verifySandboxSignature } from './sandbox-signature.ts'

const secret = 's'.repeat(43)
const body = '{"id":"n1","amount":100}'
const now = new Date('2026-11-22T10:00:00Z')
const t = now.getTime() / 1000

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MallError)
    return `${(error as MallError).status} ${(error as MallError).message}`
  }
  return 'accepted'
}

describe('sandbox signature', () => {
  it('verifies what it signs and returns the nonce', () => {
    const header = signSandboxNotification(secret, body, { timestamp: t, nonce: 'nonce-123' })
    expect(header).toMatch(/^t=\d+,n=nonce-123,v1=[0-9a-f]{64}$/)
    expect(verifySandboxSignature(secret, header, body, now)).toEqual({
      timestamp: t,
      nonce: 'nonce-123',
    })
  })

  it('accepts the edges of the 300 s window and refuses one second past them', () => {
    for (const skew of [-300, 300])
      expect(
        refusal(() =>
          verifySandboxSignature(
            secret,
            signSandboxNotification(secret, body, { timestamp: t + skew }),
            body,
            now,
          ),
        ),
      ).toBe('accepted')
    for (const skew of [-301, 301])
      expect(
        refusal(() =>
          verifySandboxSignature(
            secret,
            signSandboxNotification(secret, body, { timestamp: t + skew }),
            body,
            now,
          ),
        ),
      ).toMatch(/^403 .*timestamp/)
  })

  it('refuses another secret, another body, another nonce, and malformed headers', () => {
    const header = signSandboxNotification(secret, body, { timestamp: t, nonce: 'nonce-123' })
    expect(refusal(() => verifySandboxSignature('o'.repeat(43), header, body, now))).toMatch(
      /^403 .*does not verify/,
    )
    expect(
      refusal(() => verifySandboxSignature(secret, header, body.replace('100', '101'), now)),
    ).toMatch(/does not verify/)
    expect(
      refusal(() =>
        verifySandboxSignature(secret, header.replace('nonce-123', 'nonce-124'), body, now),
      ),
    ).toMatch(/does not verify/)
    for (const bad of [undefined, '', 'v1=abc', header.replace(/,n=[^,]+/, ''), `${header},x=1`])
      expect(refusal(() => verifySandboxSignature(secret, bad, body, now))).toMatch(
        /^403 .*malformed/,
      )
  })
})
