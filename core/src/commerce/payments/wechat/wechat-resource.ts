import { createCipheriv, createDecipheriv } from 'node:crypto'
import { MallError } from '../../../http/errors.ts'

/** The encrypted `resource` of a WeChat Pay notification. */
export interface WechatResource {
  algorithm: string
  ciphertext: string
  nonce: string
  associated_data?: string | undefined
}

const TAG_BYTES = 16

/**
 * Decrypts a notification resource with AES-256-GCM: key = the APIv3 key, IV = `nonce`, AAD =
 * `associated_data`, ciphertext = base64 with the 16-byte tag at its end. A tampered ciphertext,
 * tag or AAD fails authentication and is refused with 403.
 */
export function decryptWechatResource(resource: WechatResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM')
    throw refused(`unknown algorithm ${resource.algorithm}`)
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length <= TAG_BYTES) throw refused('the ciphertext is too short')
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    )
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw refused('the resource does not decrypt')
  }
}

/** Encrypts a resource the way WeChat Pay does: the gateway's side, for simulations and tests. */
export function encryptWechatResource(
  plaintext: string,
  apiV3Key: string,
  nonce: string,
  associatedData: string,
): WechatResource {
  const cipher = createCipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(nonce, 'utf8'),
  )
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ])
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: body.toString('base64'),
    nonce,
    associated_data: associatedData,
  }
}

function refused(detail: string): MallError {
  return new MallError('forbidden', `Notification refused: ${detail}`, {
    errors: [{ field: 'body.resource', message: detail }],
  })
}
