import { z } from '@hono/zod-openapi'
import { MallError } from '../../../http/errors.ts'
import { definePaymentProvider, type PaymentProvider } from '../provider.ts'
import { callWechat, WECHAT_API_BASE, type WechatTransport } from './wechat-client.ts'
import { fromOutTradeNo, toOutTradeNo, WechatConfig } from './wechat-config.ts'
import { decryptWechatResource } from './wechat-resource.ts'
import { verifyWechatSignature } from './wechat-signature.ts'

const Notification = z.object({
  id: z.string().min(1).max(64),
  event_type: z.string().max(64),
  resource: z.object({
    algorithm: z.string().max(64),
    ciphertext: z.string().max(100_000),
    nonce: z.string().min(1).max(64),
    associated_data: z.string().max(256).optional(),
  }),
})

const Transaction = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().max(64).optional(),
  trade_state: z.string(),
  amount: z.object({ total: z.number().int() }),
})

function invalid(field: string, message: string): MallError {
  return new MallError('validation_failed', `Notification refused: ${field} ${message}`, {
    errors: [{ field, message }],
  })
}

function parseJson<T>(schema: z.ZodType<T>, text: string, field: string): T {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new MallError('malformed_request', `${field} is not JSON`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalid(
      [field, ...(issue?.path ?? []).map(String)].join('.'),
      issue?.message ?? 'invalid',
    )
  }
  return parsed.data
}

/**
 * WeChat Pay API v3 (Native prepay: the customer scans `code_url`). Calls go through `transport`,
 * which tests point at a local server.
 */
export function createWechatProvider(
  transport: Partial<WechatTransport> = {},
): PaymentProvider<WechatConfig> {
  const via: WechatTransport = {
    fetch: transport.fetch ?? ((...args) => globalThis.fetch(...args)),
    baseUrl: transport.baseUrl ?? WECHAT_API_BASE,
  }
  return definePaymentProvider<WechatConfig>({
    name: 'wechat',
    customerFacing: true,
    configSchema: WechatConfig,
    secretFields: ['merchantPrivateKey', 'apiV3Key'],

    async createPayment({ config, payment, orderNumber, site, now }) {
      if (payment.currency !== 'CNY')
        throw new MallError('validation_failed', 'WeChat Pay takes CNY only', {
          errors: [{ field: 'body.provider', message: `cannot charge ${payment.currency}` }],
        })
      const answer = await callWechat(via, config, {
        method: 'POST',
        urlPath: '/v3/pay/transactions/native',
        now,
        body: {
          appid: config.appid,
          mchid: config.mchid,
          description: `${site.mallName} ${orderNumber}`.slice(0, 127),
          out_trade_no: toOutTradeNo(payment.id),
          notify_url: `${site.origin}${site.prefix}/api/store/payments/wechat/notify`,
          amount: { total: payment.amount, currency: 'CNY' },
        },
      })
      if (typeof answer.code_url !== 'string' || !answer.code_url)
        throw new MallError('payment_provider_error', 'WeChat Pay answered without a code_url')
      return { type: 'qr_code', content: answer.code_url }
    },

    async handleNotification(request, config, now) {
      const { nonce } = verifyWechatSignature(
        request.headers,
        request.rawBody,
        config.platformCertificates,
        now,
      )
      const notification = parseJson(Notification, request.rawBody, 'body')
      const plaintext = decryptWechatResource(notification.resource, config.apiV3Key)
      const transaction = parseJson(Transaction, plaintext, 'body.resource')
      if (transaction.mchid !== config.mchid)
        throw invalid('body.resource.mchid', "is not this mall's merchant id")
      const paymentId = fromOutTradeNo(transaction.out_trade_no)
      if (!paymentId) throw invalid('body.resource.out_trade_no', 'is not a payment of this mall')
      if (transaction.trade_state !== 'SUCCESS')
        throw invalid('body.resource.trade_state', `is ${transaction.trade_state}, not SUCCESS`)
      return {
        notificationId: notification.id,
        deliveryId: nonce,
        providerRef: transaction.transaction_id ?? null,
        paymentId,
        amount: transaction.amount.total,
        status: 'succeeded',
        body: { id: notification.id, event_type: notification.event_type, transaction },
      }
    },

    async query(payment, config, now) {
      const answer = await callWechat(via, config, {
        method: 'GET',
        urlPath: `/v3/pay/transactions/out-trade-no/${toOutTradeNo(payment.id)}?mchid=${config.mchid}`,
        now,
      })
      const state = String(answer.trade_state ?? '')
      const ref =
        typeof answer.transaction_id === 'string' ? answer.transaction_id : payment.providerRef
      if (state === 'SUCCESS') return { status: 'succeeded', providerRef: ref }
      if (state === 'NOTPAY' || state === 'USERPAYING')
        return { status: 'pending', providerRef: ref }
      return { status: 'failed', providerRef: ref }
    },

    async refund({ config, payment, refundId, amount, reason, now }) {
      const answer = await callWechat(via, config, {
        method: 'POST',
        urlPath: '/v3/refund/domestic/refunds',
        now,
        body: {
          out_trade_no: toOutTradeNo(payment.id),
          out_refund_no: toOutTradeNo(refundId),
          ...(reason ? { reason: reason.slice(0, 80) } : {}),
          amount: { refund: amount, total: payment.amount, currency: 'CNY' },
        },
      })
      const ref = typeof answer.refund_id === 'string' ? answer.refund_id : null
      if (answer.status === 'SUCCESS') return { status: 'succeeded', providerRef: ref }
      if (answer.status === 'PROCESSING') return { status: 'pending', providerRef: ref }
      throw new MallError('payment_provider_error', `WeChat Pay refund is ${String(answer.status)}`)
    },
  })
}
