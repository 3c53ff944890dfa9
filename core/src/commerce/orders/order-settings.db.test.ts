import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedCustomers, seedSku } from './testing.ts'

describe('order settings', () => {
  let core: TestCore
  let mall: TestMall
  let owner: TestClient
  let shopper: TestClient

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('timing')
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    shopper = core.client(mall.host)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
  })
  afterAll(() => core.close())

  it('defaults to 30 minutes, 10 days and 7 days, and refuses bad values naming the field', async () => {
    expect(await readJson(await owner.get('/s/timing/api/admin/order-settings'))).toEqual({
      unpaidTimeoutMinutes: 30,
      autoReceiveDays: 10,
      completeDays: 7,
    })
    const valid = { unpaidTimeoutMinutes: 5, autoReceiveDays: 3, completeDays: 2 }
    for (const [patch, field] of [
      [{ unpaidTimeoutMinutes: 0 }, 'body.unpaidTimeoutMinutes'],
      [{ autoReceiveDays: 10 ** 9 }, 'body.autoReceiveDays'],
      [{ completeDays: -1 }, 'body.completeDays'],
      [{ completeDays: '7' }, 'body.completeDays'],
    ] as const) {
      const response = await owner.put('/s/timing/api/admin/order-settings', { ...valid, ...patch })
      expect([response.status, (await readJson(response)).errors[0].field]).toEqual([422, field])
    }
    const rows = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__commerce_setting').selectAll().execute(),
    )
    expect(rows).toEqual([])
  })

  it("expires unpaid orders after the mall's own timeout", async () => {
    const valid = { unpaidTimeoutMinutes: 5, autoReceiveDays: 3, completeDays: 2 }
    expect((await owner.put('/s/timing/api/admin/order-settings', valid)).status).toBe(200)
    expect(await readJson(await owner.get('/s/timing/api/admin/order-settings'))).toEqual(valid)
    const { skuId } = await seedSku(core.services, mall.id, { stock: 3, price: 100 })
    const pickupPointId = (
      await readJson(
        await owner.post('/s/timing/api/admin/pickup-points', { name: '店', address: '北京' }),
      )
    ).id
    const placed = await readJson(
      await shopper.post(
        '/api/store/checkout',
        { items: [{ skuId, quantity: 3 }], delivery: { method: 'pickup', pickupPointId } },
        { 'idempotency-key': 'short-timeout' },
      ),
    )
    expect(new Date(placed.expiresAt).getTime() - new Date(placed.placedAt).getTime()).toBe(
      5 * 60_000,
    )
    core.clock.advance(5 * 60_000 + 1)
    await core.worker.drain()
    const order = await readJson(await shopper.get(`/api/store/orders/${placed.id}`))
    expect(order.status).toBe('cancelled')
    const sku = await withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom('core__sku').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow(),
    )
    expect(sku.stock).toBe(3)
  })
})
