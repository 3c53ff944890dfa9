import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCore, type TestCore } from '../../test/app.ts'
import { storageFor } from '../commerce/storage/storage.ts'
import { loadConfig } from '../config/env.ts'
import { DEMO, seedDemo } from './seed.ts'

/** The shopper's whole path through the API of the seeded demo mall, as the storefront will walk it. */
describe('demo mall journey', () => {
  let core: TestCore
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mallkit-demo-'))
    core = await createTestCore({ config: { MALLKIT_DATA_DIR: dataDir } })
    const storage = storageFor(loadConfig({ MALLKIT_DATA_DIR: dataDir }))
    expect(await seedDemo(core.services.db, storage)).toBe(true)
  })
  afterAll(async () => {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('browses, searches, buys with the default address and pays in the sandbox', async () => {
    const shopper = core.client()
    const base = `/s/${DEMO.slug}`
    const list = (await (await shopper.get(`${base}/api/store/products?limit=48`)).json()) as {
      items: { id: string }[]
    }
    expect(list.items.length).toBeGreaterThanOrEqual(40)

    const found = (await (await shopper.get(`${base}/api/store/search?q=shouji`)).json()) as {
      items: { id: string; title: string; imageUrl: string }[]
    }
    const phone = found.items.find((item) => item.title.startsWith('智能手机'))
    expect(phone).toBeDefined()
    const image = await shopper.get(phone?.imageUrl ?? '')
    expect(image.headers.get('content-type')).toBe('image/webp')

    const detail = (await (
      await shopper.get(`${base}/api/store/products/${phone?.id}`)
    ).json()) as {
      skus: { id: string; stock: number; price: number }[]
    }
    const sku = detail.skus.find((s) => s.stock > 0)
    expect(sku).toBeDefined()

    const login = await shopper.post(`${base}/api/store/auth/login`, {
      identifier: DEMO.customer.email,
      password: DEMO.customer.password,
    })
    expect(login.status).toBe(200)
    expect(
      (await shopper.post(`${base}/api/store/cart/items`, { skuId: sku?.id, quantity: 1 })).status,
    ).toBeLessThan(300)
    const addresses = (await (await shopper.get(`${base}/api/store/addresses`)).json()) as {
      items: { id: string; isDefault: boolean }[]
    }
    const address = addresses.items.find((a) => a.isDefault)
    expect(address).toBeDefined()

    const checkout = await shopper.post(
      `${base}/api/store/checkout`,
      { delivery: { method: 'delivery', addressId: address?.id } },
      { 'idempotency-key': 'demo-journey-1' },
    )
    expect(checkout.status).toBe(201)
    const order = (await checkout.json()) as { id: string; total: number; status: string }
    expect(order.status).toBe('pending_payment')
    expect(order.total).toBeGreaterThan(0)

    const payment = await shopper.post(`${base}/api/store/orders/${order.id}/payments`, {
      provider: 'sandbox',
    })
    expect(payment.status).toBe(201)
    const { next } = (await payment.json()) as { next: { type: string; url: string } }
    expect(next.type).toBe('redirect')
    const page = await shopper.get(next.url)
    expect(await page.text()).toContain('Mallkit 演示商城')
    const paid = await shopper.request('POST', `${next.url}/complete`, 'outcome=pay', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(paid.status).toBe(303)

    const after = (await (await shopper.get(`${base}/api/store/orders/${order.id}`)).json()) as {
      status: string
    }
    expect(after.status).toBe('paid')
  })
})
