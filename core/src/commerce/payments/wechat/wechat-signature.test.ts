import { createVerify, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MallError } from '../../../http/errors.ts'
import { decryptWechatResource, encryptWechatResource } from './wechat-resource.ts'
import {
  verifyWechatSignature,
  wechatAuthorization,
  wechatResponseSignature,
} from './wechat-signature.ts'

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 })
const platformKeys = [
  {
    serial: 'PLATFORM1',
    publicKey: String(platform.publicKey.export({ type: 'spki', format: 'pem' })),
  },
]
const now = new Date('2026-11-22T10:00:00Z')
const t = now.getTime() / 1000

function status(run: () => unknown): number | 'ok' {
  try {
    run()
    return 'ok'
  } catch (error) {
    expect(error).toBeInstanceOf(MallError)
    return (error as MallError).status
  }
}

describe('WeChat Pay v3 signatures', () => {
  it('signs requests over METHOD, path with query, timestamp, nonce and body', () => {
    const header = wechatAuthorization(
      { mchid: '1900000109', serial: 'MERCHANT1', privateKey: merchant.privateKey },
      {
        method: 'post',
        urlPath: '/v3/pay/transactions/native?x=1',
        body: '{"a":1}',
        timestamp: t,
        nonce: 'abc',
      },
    )
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="abc",signature="[^"]+",timestamp="\d+",serial_no="MERCHANT1"$/,
    )
    const signature = /signature="([^"]+)"/.exec(header)![1]!
    const verify = (message: string) =>
      createVerify('RSA-SHA256').update(message).verify(merchant.publicKey, signature, 'base64')
    expect(verify(`POST\n/v3/pay/transactions/native?x=1\n${t}\nabc\n{"a":1}\n`)).toBe(true)
    expect(verify(`POST\n/v3/pay/transactions/native\n${t}\nabc\n{"a":1}\n`)).toBe(false)
  })

  it('verifies notifications by serial within the clock window', () => {
    const body = '{"id":"EV-1"}'
    const headers = (over: Record<string, string> = {}, signedBody = body, ts = t) =>
      new Headers({
        'wechatpay-timestamp': String(ts),
        'wechatpay-nonce': 'n0nce',
        'wechatpay-signature': wechatResponseSignature(
          platform.privateKey,
          ts,
          'n0nce',
          signedBody,
        ),
        'wechatpay-serial': 'PLATFORM1',
        ...over,
      })
    expect(verifyWechatSignature(headers(), body, platformKeys, now)).toEqual({
      nonce: 'n0nce',
      serial: 'PLATFORM1',
    })
    expect(
      status(() =>
        verifyWechatSignature(headers({ 'wechatpay-serial': 'OTHER' }), body, platformKeys, now),
      ),
    ).toBe(403)
    expect(
      status(() => verifyWechatSignature(headers({}, body, t - 301), body, platformKeys, now)),
    ).toBe(403)
    expect(
      status(() => verifyWechatSignature(headers({}, body, t + 300), body, platformKeys, now)),
    ).toBe('ok')
    expect(
      status(() => verifyWechatSignature(headers(), body.replace('1', '2'), platformKeys, now)),
    ).toBe(403)
    expect(
      status(() =>
        verifyWechatSignature(
          headers({ 'wechatpay-signature': 'bm9wZQ==' }),
          body,
          platformKeys,
          now,
        ),
      ),
    ).toBe(403)
    expect(status(() => verifyWechatSignature(new Headers(), body, platformKeys, now))).toBe(403)
  })

  it('decrypts AES-256-GCM resources and refuses a changed tag, ciphertext or associated data', () => {
    const key = 'k'.repeat(32)
    const resource = encryptWechatResource(
      '{"trade_state":"SUCCESS"}',
      key,
      'abcdefghijkl',
      'transaction',
    )
    expect(decryptWechatResource(resource, key)).toBe('{"trade_state":"SUCCESS"}')
    const bytes = Buffer.from(resource.ciphertext, 'base64')
    const flip = (i: number) => {
      const copy = Buffer.from(bytes)
      copy[i]! ^= 1
      return { ...resource, ciphertext: copy.toString('base64') }
    }
    expect(status(() => decryptWechatResource(flip(bytes.length - 1), key))).toBe(403)
    expect(status(() => decryptWechatResource(flip(0), key))).toBe(403)
    expect(
      status(() => decryptWechatResource({ ...resource, associated_data: 'other' }, key)),
    ).toBe(403)
    expect(status(() => decryptWechatResource(resource, 'x'.repeat(32)))).toBe(403)
  })
})
