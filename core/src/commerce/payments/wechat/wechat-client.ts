import { MallError } from '../../../http/errors.ts'
import type { WechatConfig } from './wechat-config.ts'
import { verifyWechatSignature, wechatAuthorization } from './wechat-signature.ts'

/** WeChat Pay's production API. */
export const WECHAT_API_BASE = 'https://api.mch.weixin.qq.com'

/** How calls reach WeChat Pay: injectable so tests point them at a local server. */
export interface WechatTransport {
  fetch: typeof globalThis.fetch
  baseUrl: string
}

/**
 * Calls WeChat Pay API v3 signed with the merchant key. Answers the parsed JSON of a 2xx whose
 * platform signature verifies; any other answer, or no answer, is a 502 `payment_provider_error`
 * carrying WeChat's code.
 */
export async function callWechat(
  transport: WechatTransport,
  config: WechatConfig,
  request: { method: 'GET' | 'POST'; urlPath: string; body?: unknown; now: Date },
): Promise<Record<string, unknown>> {
  const body = request.body === undefined ? '' : JSON.stringify(request.body)
  const authorization = wechatAuthorization(
    { mchid: config.mchid, serial: config.merchantSerial, privateKey: config.merchantPrivateKey },
    {
      method: request.method,
      urlPath: request.urlPath,
      body,
      timestamp: Math.floor(request.now.getTime() / 1000),
    },
  )
  let response: Response
  try {
    response = await transport.fetch(`${transport.baseUrl}${request.urlPath}`, {
      method: request.method,
      headers: {
        authorization,
        accept: 'application/json',
        'user-agent': 'mallkit',
        ...(request.method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.method === 'POST' ? { body } : {}),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    throw new MallError('payment_provider_error', 'WeChat Pay did not answer', { cause: error })
  }
  const text = await response.text()
  let json: Record<string, unknown>
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    json = {}
  }
  if (!response.ok)
    throw new MallError(
      'payment_provider_error',
      `WeChat Pay answered ${response.status} ${String(json.code ?? '')}: ${String(json.message ?? '')}`.trim(),
    )
  // A success is trusted only when the platform signed it, like a notification.
  try {
    verifyWechatSignature(response.headers, text, config.platformCertificates, request.now)
  } catch (error) {
    throw new MallError(
      'payment_provider_error',
      'The answer of WeChat Pay is not signed by its platform key',
      {
        cause: error,
      },
    )
  }
  return json
}
