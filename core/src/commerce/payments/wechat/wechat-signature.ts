import { createSign, createVerify, randomBytes, type KeyLike } from 'node:crypto'
import { MallError } from '../../../http/errors.ts'

/** How far a notification's `Wechatpay-Timestamp` may be from our clock, either way. */
export const WECHAT_CLOCK_WINDOW_SECONDS = 300

/** A request to WeChat Pay, as it is signed: the path includes the query string. */
export interface WechatRequestToSign {
  method: string
  urlPath: string
  body: string
  timestamp: number
  nonce?: string
}

/** The merchant identity that signs requests. */
export interface WechatMerchantKey {
  mchid: string
  serial: string
  privateKey: KeyLike
}

/** `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n`: the message WeChat Pay v3 signs requests over. */
export function wechatRequestMessage(request: Required<WechatRequestToSign>): string {
  const { method, urlPath, timestamp, nonce, body } = request
  return `${method.toUpperCase()}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`
}

/**
 * The `Authorization` header for a call to WeChat Pay API v3: RSA-SHA256 (PKCS#1 v1.5) with the
 * merchant's private key over `wechatRequestMessage`, base64.
 */
export function wechatAuthorization(
  merchant: WechatMerchantKey,
  request: WechatRequestToSign,
): string {
  const nonce = request.nonce ?? randomBytes(16).toString('hex')
  const message = wechatRequestMessage({ ...request, nonce })
  const signature = createSign('RSA-SHA256').update(message).sign(merchant.privateKey, 'base64')
  return (
    `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchid}",nonce_str="${nonce}",` +
    `signature="${signature}",timestamp="${request.timestamp}",serial_no="${merchant.serial}"`
  )
}

/** Signs `TIMESTAMP\nNONCE\nBODY\n` the way WeChat Pay signs its notifications and responses. */
export function wechatResponseSignature(
  privateKey: KeyLike,
  timestamp: number,
  nonce: string,
  body: string,
): string {
  return createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .sign(privateKey, 'base64')
}

/**
 * Verifies a notification from WeChat Pay: the platform key is chosen by `Wechatpay-Serial`
 * (an unknown serial is refused), the timestamp must be within the clock window of `now`, and the
 * RSA-SHA256 signature must cover `TIMESTAMP\nNONCE\nBODY\n`. Returns the nonce; 403 otherwise.
 */
export function verifyWechatSignature(
  headers: Headers,
  rawBody: string,
  platformKeys: readonly { serial: string; publicKey: string }[],
  now: Date,
): { nonce: string; serial: string } {
  const timestamp = headers.get('wechatpay-timestamp') ?? ''
  const nonce = headers.get('wechatpay-nonce') ?? ''
  const signature = headers.get('wechatpay-signature') ?? ''
  const serial = headers.get('wechatpay-serial') ?? ''
  if (!/^\d{1,12}$/.test(timestamp) || !nonce || nonce.length > 64 || !signature || !serial)
    throw refused('header.wechatpay-signature', 'the Wechatpay-* signature headers are missing')
  const key = platformKeys.find((k) => k.serial.toUpperCase() === serial.toUpperCase())
  if (!key) throw refused('header.wechatpay-serial', 'no platform certificate has this serial')
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp))
  if (skew > WECHAT_CLOCK_WINDOW_SECONDS)
    throw refused('header.wechatpay-timestamp', `the timestamp is ${skew} s away from our clock`)
  let valid: boolean
  try {
    valid = createVerify('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${rawBody}\n`)
      .verify(key.publicKey, signature, 'base64')
  } catch {
    valid = false
  }
  if (!valid) throw refused('header.wechatpay-signature', 'the signature does not verify')
  return { nonce, serial: key.serial }
}

function refused(field: string, detail: string): MallError {
  return new MallError('forbidden', `Notification refused: ${detail}`, {
    errors: [{ field, message: detail }],
  })
}
