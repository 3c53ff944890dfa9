import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedCustomers, seedSku, type SeededCustomer } from '../orders/testing.ts'

/** Checkout races: real concurrency on PostgreSQL (the pool has 20 connections), serialised on PGlite. */
describe('checkout under concurrency', () => {
  let core: TestCore
  let mall: TestMall
  let pickupPointId: string

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('flash')
    pickupPointId = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .insertInto('core__pickup_point')
        .values({ tenant_id: mall.id, name: '门店', address: '上海' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    ).then((r) => r.id)
  })
  afterAll(() => core.close())

  const checkout = (customer: SeededCustomer, skuId: string, key: string) =>
    core.app.request(`http://${mall.host}/api/store/checkout`, {
      method: 'POST',
      headers: {
        host: mall.host,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        cookie: customer.cookie,
        'idempotency-key': key,
      },
      body: JSON.stringify({
        items: [{ skuId, quantity: 1 }],
        delivery: { method: 'pickup', pickupPointId },
      }),
    })

  const state = (skuId: string) =>
    withTenant(core.services.db, mall.id, async (tx) => ({
      stock: (
        await tx
          .selectFrom('core__sku')
          .select('stock')
          .where('id', '=', skuId)
          .executeTakeFirstOrThrow()
      ).stock,
      orders: await tx
        .selectFrom('core__order_line')
        .innerJoin('core__order', (j) =>
          j.onRef('core__order.id', '=', 'core__order_line.order_id'),
        )
        .select(['core__order.id', 'core__order.customer_id', 'core__order_line.quantity'])
        .where('core__order_line.sku_id', '=', skuId)
        .execute(),
      held: await tx
        .selectFrom('core__stock_reservation')
        .select('quantity')
        .where('sku_id', '=', skuId)
        .execute(),
    }))

  it('sells 10 units to exactly 10 of 60 simultaneous buyers and refuses the rest with 409', async () => {
    const { skuId } = await seedSku(core.services, mall.id, { stock: 10, price: 100 })
    const buyers = await seedCustomers(core.services, mall.id, 60)
    const responses = await Promise.all(
      buyers.map((buyer, i) => checkout(buyer, skuId, `flash-${i}`)),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(50)
    const refused = await Promise.all(responses.filter((r) => r.status === 409).map(readJson))
    for (const problem of refused) expect(problem.errors[0].field).toBe('body.items.0.skuId')
    const after = await state(skuId)
    expect(after.stock).toBe(0)
    expect(after.orders).toHaveLength(10)
    expect(new Set(after.orders.map((o) => o.customer_id)).size).toBe(10)
    expect(after.held.reduce((sum, r) => sum + r.quantity, 0)).toBe(10)
  })

  it('creates one order for 50 simultaneous requests with one key', async () => {
    const { skuId } = await seedSku(core.services, mall.id, { stock: 100, price: 100 })
    const [buyer] = (await seedCustomers(core.services, mall.id, 1)) as [SeededCustomer]
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => checkout(buyer, skuId, 'same-key')),
    )
    const bodies = await Promise.all(responses.map(readJson))
    expect(responses.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1)
    expect(responses.every((r) => r.status === 201 || r.status === 200)).toBe(true)
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
    const after = await state(skuId)
    expect(after.orders).toHaveLength(1)
    expect(after.stock).toBe(99)
  })

  it('never sells the last unit twice when one buyer retries it under one key', async () => {
    const { skuId } = await seedSku(core.services, mall.id, { stock: 1, price: 100 })
    const [buyer] = (await seedCustomers(core.services, mall.id, 1)) as [SeededCustomer]
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => checkout(buyer, skuId, 'last-unit')),
    )
    // The losers either waited for the winner's order or found the stock gone: both get its order.
    expect(responses.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ])
    const after = await state(skuId)
    expect(after.orders).toHaveLength(1)
    expect(after.stock).toBe(0)
  })
})
