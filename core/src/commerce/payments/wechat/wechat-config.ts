import { createPrivateKey, createPublicKey } from 'node:crypto'
import { z } from '@hono/zod-openapi'

function parses(load: (pem: string) => unknown) {
  return (pem: string) => {
    try {
      load(pem)
      return true
    } catch {
      return false
    }
  }
}

const PublicKeyPem = z.string().max(10_000).refine(parses(createPublicKey), 'not a PEM public key')

/** A WeChat Pay platform certificate's public key, by its serial number. */
export const WechatPlatformCertificate = z.object({
  serial: z.string().regex(/^[0-9A-Za-z]{1,64}$/, 'a certificate serial number'),
  publicKey: PublicKeyPem,
})

/** A mall's WeChat Pay API v3 merchant configuration. */
export const WechatConfig = z.object({
  mchid: z.string().regex(/^\d{1,32}$/, 'the merchant id, digits'),
  appid: z.string().regex(/^[0-9A-Za-z_]{1,32}$/, 'the app id'),
  merchantSerial: z
    .string()
    .regex(/^[0-9A-Za-z]{1,64}$/, "the merchant certificate's serial number"),
  merchantPrivateKey: z
    .string()
    .max(10_000)
    .refine(parses(createPrivateKey), 'not a PEM private key'),
  apiV3Key: z.string().refine((key) => Buffer.byteLength(key, 'utf8') === 32, 'exactly 32 bytes'),
  platformCertificates: z.array(WechatPlatformCertificate).min(1).max(10),
})
export type WechatConfig = z.infer<typeof WechatConfig>

/** WeChat's `out_trade_no` allows 32 characters: our payment uuid without its dashes. */
export function toOutTradeNo(paymentId: string): string {
  return paymentId.replaceAll('-', '')
}

/** The payment uuid of an `out_trade_no`, or undefined when it is not one of ours. */
export function fromOutTradeNo(outTradeNo: string): string | undefined {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(outTradeNo)
  return m ? m.slice(1).join('-').toLowerCase() : undefined
}
