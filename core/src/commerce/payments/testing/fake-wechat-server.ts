import { createServer, type Server } from 'node:http'
import { createVerify, randomBytes, type KeyObject } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { wechatResponseSignature } from '../wechat/wechat-signature.ts'

/** One request the fake WeChat Pay received, with whether its merchant signature verified. */
export interface ReceivedWechatCall {
  method: string
  path: string
  body: Record<string, unknown>
  authorization: string
  signatureValid: boolean
  mchid: string | undefined
  serial: string | undefined
}

/**
 * A local stand-in for api.mch.weixin.qq.com on 127.0.0.1: it checks each request's
 * `WECHATPAY2-SHA256-RSA2048` signature with the merchant's public key (401 SIGN_ERROR if it does
 * not verify) and answers Native prepay with a `code_url` and refunds with SUCCESS, each answer
 * signed with the platform key at `now()`. Set `tamperNextAnswer` to change an answer after signing.
 */
export async function startFakeWechat(
  merchantPublicKey: KeyObject,
  platform: { privateKey: KeyObject; serial: string },
  now: () => Date,
) {
  const calls: ReceivedWechatCall[] = []
  const control = { tamperNextAnswer: false }
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      const authorization = req.headers.authorization ?? ''
      const fields = Object.fromEntries(
        [...authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      ) as Record<string, string | undefined>
      const message = `${req.method}\n${req.url}\n${fields.timestamp}\n${fields.nonce_str}\n${raw}\n`
      let signatureValid: boolean
      try {
        signatureValid =
          authorization.startsWith('WECHATPAY2-SHA256-RSA2048 ') &&
          createVerify('RSA-SHA256')
            .update(message)
            .verify(merchantPublicKey, fields.signature ?? '', 'base64')
      } catch {
        signatureValid = false
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        authorization,
        signatureValid,
        mchid: fields.mchid,
        serial: fields.serial_no,
      })
      const send = (status: number, json: unknown) => {
        const answer = JSON.stringify(json)
        const timestamp = Math.floor(now().getTime() / 1000)
        const nonce = randomBytes(16).toString('hex')
        res.writeHead(status, {
          'content-type': 'application/json',
          'wechatpay-timestamp': String(timestamp),
          'wechatpay-nonce': nonce,
          'wechatpay-serial': platform.serial,
          'wechatpay-signature': wechatResponseSignature(
            platform.privateKey,
            timestamp,
            nonce,
            answer,
          ),
        })
        res.end(control.tamperNextAnswer ? answer.replace('weixin://', 'weixin://evil/') : answer)
        control.tamperNextAnswer = false
      }
      if (!signatureValid) return send(401, { code: 'SIGN_ERROR', message: 'signature mismatch' })
      if (req.url === '/v3/pay/transactions/native')
        return send(200, { code_url: `weixin://wxpay/bizpayurl?pr=${String(body.out_trade_no)}` })
      if (req.url === '/v3/refund/domestic/refunds')
        return send(200, {
          refund_id: `5030${calls.length}`,
          out_refund_no: body.out_refund_no,
          status: 'SUCCESS',
        })
      send(404, { code: 'NOT_FOUND', message: 'no such API' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
