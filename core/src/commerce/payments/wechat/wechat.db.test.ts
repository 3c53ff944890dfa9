import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../../test/app.ts'
import { paymentProvidersOf } from '../registry.ts'
import { startFakeWechat } from '../testing/fake-wechat-server.ts'
import { orderState, registerShopper, seedOrder } from '../testing/seed-order.ts'
import { toOutTradeNo } from './wechat-config.ts'
import { createWechatProvider } from './wechat-provider.ts'
import { encryptWechatResource } from './wechat-resource.ts'
import { wechatResponseSignature } from './wechat-signature.ts'

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => String(key.export({ type, format: 'pem' }))

describe('WeChat Pay API v3', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const apiV3Key = randomBytes(16).toString('hex')
  const config = {
    mchid: '1900000109',
    appid: 'wxd678efh567hg6787',
    merchantSerial: '5157F09EFDC096DE15EBE81A47057A72',
    merchantPrivateKey: pem(merchant.privateKey, 'pkcs8'),
    apiV3Key,
    platformCertificates: [
      { serial: '7132D72A03E93CDDF8C03BBD1F37EEDF', publicKey: pem(platform.publicKey, 'spki') },
    ],
  }
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let shopper: TestClient
  let customerId: string
  let fake: Awaited<ReturnType<typeof startFakeWechat>>
  const admin = (path: string) => `/s/wechat-mall/api/admin${path}`

  beforeAll(async () => {
    core = await createTestCore()
    fake = await startFakeWechat(
      merchant.publicKey,
      { privateKey: platform.privateKey, serial: config.platformCertificates[0]!.serial },
      () => core.clock.now(),
    )
    paymentProvidersOf(core.services).register(createWechatProvider({ baseUrl: fake.baseUrl }))
    mall = await core.createMall('wechat-mall')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    ;({ client: shopper, customerId } = await registerShopper(core, mall, 'wei@wechat.test'))
  })
  afterAll(async () => {
    await core?.close()
    await fake?.close()
  })

  interface Notice {
    paymentId: string
    total: number
    mchid?: string
    id?: string
    tradeState?: string
  }

  /** What WeChat Pay would post: the resource encrypted with the APIv3 key, signed by the platform. */
  function notification(
    notice: Notice,
    options: {
      timestamp?: number
      serial?: string
      mutate?: (body: { resource: { ciphertext: string } }) => void
    } = {},
  ) {
    const transaction = {
      mchid: notice.mchid ?? config.mchid,
      appid: config.appid,
      out_trade_no: toOutTradeNo(notice.paymentId),
      transaction_id: `4200000${Math.floor(Math.random() * 1e9)}`,
      trade_type: 'NATIVE',
      trade_state: notice.tradeState ?? 'SUCCESS',
      amount: {
        total: notice.total,
        payer_total: notice.total,
        currency: 'CNY',
        payer_currency: 'CNY',
      },
    }
    const body = {
      id: notice.id ?? randomUUID(),
      create_time: '2026-11-22T10:00:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        ...encryptWechatResource(
          JSON.stringify(transaction),
          apiV3Key,
          randomBytes(6).toString('hex'),
          'transaction',
        ),
      },
    }
    options.mutate?.(body)
    const raw = JSON.stringify(body)
    const timestamp = options.timestamp ?? Math.floor(core.clock.now().getTime() / 1000)
    const nonce = randomBytes(16).toString('hex')
    return {
      raw,
      headers: {
        'wechatpay-timestamp': String(timestamp),
        'wechatpay-nonce': nonce,
        'wechatpay-signature': wechatResponseSignature(platform.privateKey, timestamp, nonce, raw),
        'wechatpay-serial': options.serial ?? config.platformCertificates[0]!.serial,
      },
    }
  }

  function post(message: { raw: string; headers: Record<string, string> }) {
    return core.app.request(`http://${mall.host}/api/store/payments/wechat/notify`, {
      method: 'POST',
      headers: { host: mall.host, 'content-type': 'application/json', ...message.headers },
      body: message.raw,
    })
  }

  async function pendingPayment() {
    const order = await seedOrder(core, mall, customerId, { unitPrice: 8_800 })
    const response = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'wechat',
    })
    expect(response.status).toBe(201)
    const { paymentId, next } = (await response.json()) as {
      paymentId: string
      next: { type: string; content: string }
    }
    return { ...order, paymentId, next }
  }

  it('stores the merchant config with write-only secrets, validated per field', async () => {
    const bad = await staff.put(admin('/payment-providers/wechat'), {
      enabled: true,
      config: { ...config, merchantPrivateKey: 'not a key', apiV3Key: 'short' },
    })
    expect(bad.status).toBe(422)
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map(
      (e) => e.field,
    )
    expect(fields).toEqual(
      expect.arrayContaining(['body.config.merchantPrivateKey', 'body.config.apiV3Key']),
    )
    expect(await (await staff.get(admin('/payment-providers/wechat'))).json()).toMatchObject({
      configured: false,
      enabled: false,
    })

    const saved = await staff.put(admin('/payment-providers/wechat'), { enabled: true, config })
    expect(saved.status).toBe(200)
    const text = await saved.text()
    expect(text).not.toContain('PRIVATE KEY')
    expect(text).not.toContain(apiV3Key)
    expect(JSON.parse(text)).toMatchObject({
      provider: 'wechat',
      enabled: true,
      configured: true,
      config: { mchid: config.mchid, appid: config.appid },
      secretsSet: ['merchantPrivateKey', 'apiV3Key'],
    })
    // Saving the form again without the secrets keeps them.
    const resaved = await staff.put(admin('/payment-providers/wechat'), {
      config: { appid: config.appid },
    })
    expect(await resaved.json()).toMatchObject({
      configured: true,
      secretsSet: ['merchantPrivateKey', 'apiV3Key'],
    })
    const read = await (await staff.get(admin('/payment-providers/wechat'))).text()
    expect(read).not.toContain('PRIVATE KEY')
    expect(read).not.toContain(apiV3Key)
  })

  it('sends a Native prepay request signed with the merchant key and returns the code_url', async () => {
    const { paymentId, next, total } = await pendingPayment()
    expect(next).toEqual({
      type: 'qr_code',
      content: `weixin://wxpay/bizpayurl?pr=${toOutTradeNo(paymentId)}`,
    })
    const call = fake.calls.at(-1)!
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v3/pay/transactions/native',
      signatureValid: true,
    })
    expect(call.mchid).toBe(config.mchid)
    expect(call.serial).toBe(config.merchantSerial)
    expect(call.body).toMatchObject({
      appid: config.appid,
      mchid: config.mchid,
      out_trade_no: toOutTradeNo(paymentId),
      notify_url: `http://${mall.host}/api/store/payments/wechat/notify`,
      amount: { total, currency: 'CNY' },
    })
  })

  it('marks the payment failed when WeChat Pay refuses the prepay (a wrongly signed request)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
    await staff.put(admin('/payment-providers/wechat'), {
      config: { merchantPrivateKey: pem(other.privateKey, 'pkcs8') },
    })
    const order = await seedOrder(core, mall, customerId)
    const response = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'wechat',
    })
    expect(response.status).toBe(502)
    expect(fake.calls.at(-1)?.signatureValid).toBe(false)
    expect((await orderState(core, mall, order.orderId)).payments).toMatchObject([
      { status: 'failed' },
    ])
    await staff.put(admin('/payment-providers/wechat'), {
      config: { merchantPrivateKey: config.merchantPrivateKey },
    })
  })

  it('refuses an answer of WeChat Pay that its platform key did not sign', async () => {
    fake.control.tamperNextAnswer = true
    const order = await seedOrder(core, mall, customerId)
    const response = await shopper.post(`/api/store/orders/${order.orderId}/payments`, {
      provider: 'wechat',
    })
    expect(response.status).toBe(502)
    expect(await response.text()).not.toContain('evil')
    expect(fake.calls.at(-1)?.signatureValid).toBe(true)
    expect((await orderState(core, mall, order.orderId)).payments).toMatchObject([
      { status: 'failed' },
    ])
  })

  it('pays the order on a valid notification, once however often it is delivered', async () => {
    const { orderId, paymentId, total } = await pendingPayment()
    const id = randomUUID()
    const response = await post(notification({ paymentId, total, id }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ code: 'SUCCESS' })
    const paid = await orderState(core, mall, orderId)
    expect(paid.order.status).toBe('paid')
    expect(paid.payments).toMatchObject([
      { id: paymentId, status: 'succeeded', provider: 'wechat' },
    ])
    expect(paid.payments[0]?.provider_ref).toMatch(/^4200000/)

    const again = await post(notification({ paymentId, total, id }))
    expect(again.status).toBe(200)
    const after = await orderState(core, mall, orderId)
    expect(after.transitions.filter((t) => t.to_status === 'paid')).toHaveLength(1)
    expect(after.payments).toEqual(paid.payments)
  })

  it('refuses tampered, wrongly keyed, stale, foreign or wrong-amount notifications, changing nothing', async () => {
    const { orderId, paymentId, total } = await pendingPayment()
    const before = await orderState(core, mall, orderId)
    const now = Math.floor(core.clock.now().getTime() / 1000)

    const tampered = notification({ paymentId, total })
    tampered.raw = tampered.raw.replace('支付成功', '支付失败')
    const unknownSerial = notification({ paymentId, total }, { serial: 'ABCDEF0123456789' })
    const stale = notification({ paymentId, total }, { timestamp: now - 301 })
    const foreign = notification({ paymentId, total, mchid: '1900000999' })
    const wrongAmount = notification({ paymentId, total: total - 1 })
    const notPaid = notification({ paymentId, total, tradeState: 'NOTPAY' })
    const unknownPayment = notification({ paymentId: randomUUID(), total })
    // Signed after the change, so only the GCM tag can notice it.
    const badTag = notification(
      { paymentId, total },
      {
        mutate: (body) => {
          const bytes = Buffer.from(body.resource.ciphertext, 'base64')
          bytes[bytes.length - 1]! ^= 0x01
          body.resource.ciphertext = bytes.toString('base64')
        },
      },
    )
    const cases = [
      ['tampered body', tampered, 403],
      ['unknown serial', unknownSerial, 403],
      ['stale timestamp', stale, 403],
      ['wrong mchid', foreign, 422],
      ['wrong amount', wrongAmount, 422],
      ['trade state not SUCCESS', notPaid, 422],
      ['unknown payment', unknownPayment, 404],
      ['GCM tag tampered', badTag, 403],
    ] as const
    const results = []
    for (const [name, message, status] of cases) {
      const response = await post(message)
      const body = (await response.json()) as { code: string; message: string }
      results.push([name, response.status, body.code])
      expect([name, response.status, body.code]).toEqual([name, status, 'FAIL'])
    }
    expect(results).toHaveLength(8)
    expect(await orderState(core, mall, orderId)).toEqual(before)
  })

  it('refunds through WeChat Pay with a signed request', async () => {
    const { orderId, paymentId, total } = await pendingPayment()
    expect((await post(notification({ paymentId, total }))).status).toBe(200)
    const response = await staff.post(
      admin(`/orders/${orderId}/refunds`),
      { amount: 800, reason: '破损' },
      {
        'idempotency-key': 'wx-refund-1',
      },
    )
    expect(response.status).toBe(201)
    const refund = (await response.json()) as { id: string; status: string; providerRef: string }
    expect(refund.status).toBe('succeeded')
    const call = fake.calls.at(-1)!
    expect(call).toMatchObject({ path: '/v3/refund/domestic/refunds', signatureValid: true })
    expect(call.body).toMatchObject({
      out_trade_no: toOutTradeNo(paymentId),
      out_refund_no: toOutTradeNo(refund.id),
      reason: '破损',
      amount: { refund: 800, total, currency: 'CNY' },
    })
    expect(refund.providerRef).toMatch(/^5030/)
    expect((await orderState(core, mall, orderId)).order.status).toBe('paid')
  })
})
