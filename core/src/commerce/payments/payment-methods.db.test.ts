import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { registerShopper, seedOrder } from './testing/seed-order.ts'

describe('payment methods for customers', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let shopper: TestClient
  let customerId: string

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('methods')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    ;({ client: shopper, customerId } = await registerShopper(core, mall, 'pat@methods.test'))
  })
  afterAll(() => core?.close())

  const methods = async () =>
    ((await (await shopper.get('/api/store/payment-methods')).json()) as { items: unknown[] }).items

  it('lists only the customer-facing providers the mall enabled', async () => {
    expect(await methods()).toEqual([])
    for (const provider of ['manual', 'sandbox'])
      expect(
        (await staff.put(`/s/methods/api/admin/payment-providers/${provider}`, { enabled: true }))
          .status,
      ).toBe(200)
    expect(await methods()).toEqual([{ provider: 'sandbox' }])
    const guest = await core.client(mall.host).get('/api/store/payment-methods')
    expect(guest.status).toBe(200)
  })

  it("links the sandbox pay page back to the order's pay page in the mall", async () => {
    const { orderId } = await seedOrder(core, mall, customerId)
    const started = await shopper.post(`/api/store/orders/${orderId}/payments`, {
      provider: 'sandbox',
    })
    const { paymentId, next } = (await started.json()) as {
      paymentId: string
      next: { url: string }
    }
    const onHost = await (await shopper.get(next.url)).text()
    expect(onHost).toContain(`href="/orders/${orderId}/pay?payment=${paymentId}"`)
    const byPath = await (await staff.get(`/s/methods/pay/sandbox/${paymentId}`)).text()
    expect(byPath).toContain(`href="/s/methods/orders/${orderId}/pay?payment=${paymentId}"`)
  })
})
