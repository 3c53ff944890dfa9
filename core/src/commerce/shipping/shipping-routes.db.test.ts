import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../../test/app.ts'
import { withTenant } from '../../db/tenant-scope.ts'
import { readJson, seedCustomers, seedSku } from '../orders/testing.ts'

describe('addresses, shipping templates and pickup points', () => {
  let core: TestCore
  let mall: TestMall
  let shopper: TestClient
  let owner: TestClient
  let skuId: string

  const cn = {
    recipient: '李四',
    phone: '138 0013 8000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    line1: '文三路 1 号',
  }
  const us = {
    recipient: 'Ann',
    phone: '+1 415 555 0100',
    country: 'US',
    line1: '1 Market St',
    line2: 'Suite 2',
    postalCode: '94105',
  }
  const template = {
    name: '全国',
    basis: 'piece',
    freeThreshold: 10_000,
    rules: [
      {
        regions: ['新疆维吾尔自治区'],
        first: 1,
        firstFee: 2000,
        additional: 1,
        additionalFee: 1000,
      },
      { regions: ['*'], first: 1, firstFee: 800, additional: 1, additionalFee: 200 },
    ],
  }
  const count = (table: 'core__address' | 'core__shipping_template' | 'core__pickup_point') =>
    withTenant(core.services.db, mall.id, (tx) =>
      tx.selectFrom(table).select('tenant_id').execute(),
    ).then((r) => r.length)

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('ship')
    skuId = (await seedSku(core.services, mall.id, { stock: 50, price: 3000 })).skuId
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    shopper = core.client(mall.host)
    const [name, value] = customer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
    owner = core.client()
    await owner.loginStaff(mall.ownerEmail)
  })
  afterAll(() => core.close())

  it('keeps one default address per customer, in Chinese and international formats', async () => {
    const first = await readJson(await shopper.post('/api/store/addresses', cn))
    expect(first).toMatchObject({ isDefault: true, country: 'CN', province: '浙江省' })
    const second = await readJson(
      await shopper.post('/api/store/addresses', { ...us, isDefault: true }),
    )
    expect(second).toMatchObject({ isDefault: true, country: 'US', postalCode: '94105' })
    const list = await readJson(await shopper.get('/api/store/addresses'))
    expect(list.items.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ])
    expect((await shopper.delete(`/api/store/addresses/${second.id}`)).status).toBe(204)
    const after = await readJson(await shopper.get('/api/store/addresses'))
    expect(after.items).toMatchObject([{ id: first.id, isDefault: true }])
    const edited = await shopper.put(`/api/store/addresses/${first.id}`, {
      ...cn,
      line1: '文三路 2 号',
    })
    expect(await readJson(edited)).toMatchObject({ line1: '文三路 2 号', isDefault: true })
  })

  it('refuses bad addresses naming the field and writes nothing', async () => {
    const before = await count('core__address')
    const cases: [unknown, string][] = [
      [{ ...cn, province: '' }, 'body.province'],
      [{ ...cn, phone: 'call me' }, 'body.phone'],
      [{ ...cn, recipient: '' }, 'body.recipient'],
      [{ ...us, country: 'usa' }, 'body.country'],
      [{ ...cn, line1: 'x'.repeat(201) }, 'body.line1'],
      [{ ...cn, isDefault: 'yes' }, 'body.isDefault'],
    ]
    for (const [body, field] of cases) {
      const response = await shopper.post('/api/store/addresses', body)
      expect([response.status, (await readJson(response)).errors?.[0]?.field]).toEqual([422, field])
    }
    expect(
      (await shopper.put('/api/store/addresses/00000000-0000-4000-8000-000000000000', cn)).status,
    ).toBe(404)
    expect((await core.client(mall.host).get('/api/store/addresses')).status).toBe(401)
    expect(await count('core__address')).toBe(before)
  })

  it('charges the default template at checkout, free above the threshold, and refuses bad templates', async () => {
    const created = await owner.post('/s/ship/api/admin/shipping-templates', template)
    expect(created.status).toBe(201)
    expect(await readJson(created)).toMatchObject({ isDefault: true, freeThreshold: 10_000 })
    const before = await count('core__shipping_template')
    const bad: [unknown, string][] = [
      [{ ...template, basis: 'volume' }, 'body.basis'],
      [{ ...template, freeThreshold: -1 }, 'body.freeThreshold'],
      [{ ...template, rules: [] }, 'body.rules'],
      [{ ...template, rules: [{ ...template.rules[1], firstFee: -5 }] }, 'body.rules.0.firstFee'],
      [{ ...template, rules: [{ ...template.rules[1], first: 0.5 }] }, 'body.rules.0.first'],
      [{ ...template, rules: [{ ...template.rules[1], regions: [] }] }, 'body.rules.0.regions'],
    ]
    for (const [body, field] of bad) {
      const response = await owner.post('/s/ship/api/admin/shipping-templates', body)
      expect([response.status, (await readJson(response)).errors?.[0]?.field]).toEqual([422, field])
    }
    expect(await count('core__shipping_template')).toBe(before)

    const [address] = (await readJson(await shopper.get('/api/store/addresses'))).items
    const order = (quantity: number, key: string) =>
      shopper.post(
        '/api/store/checkout',
        { items: [{ skuId, quantity }], delivery: { method: 'delivery', addressId: address.id } },
        { 'idempotency-key': key },
      )
    expect(await readJson(await order(2, 'fee-1'))).toMatchObject({
      subtotal: 6000,
      shippingFee: 1000,
      total: 7000,
    })
    expect(await readJson(await order(4, 'fee-2'))).toMatchObject({
      subtotal: 12_000,
      shippingFee: 0,
      total: 12_000,
    })
  })

  it('manages pickup points and shows only active ones to customers', async () => {
    const point = await readJson(
      await owner.post('/s/ship/api/admin/pickup-points', {
        name: '滨江店',
        address: '杭州滨江区',
        hours: '9-21',
      }),
    )
    const closed = await readJson(
      await owner.post('/s/ship/api/admin/pickup-points', {
        name: '关闭店',
        address: '杭州',
        active: false,
      }),
    )
    const visible = await readJson(await shopper.get('/api/store/pickup-points'))
    expect(visible.items.map((p: { id: string }) => p.id)).toEqual([point.id])
    expect(
      (
        await owner.put(`/s/ship/api/admin/pickup-points/${closed.id}`, {
          name: '关闭店',
          address: '杭州',
          active: true,
        })
      ).status,
    ).toBe(200)
    expect((await readJson(await shopper.get('/api/store/pickup-points'))).items).toHaveLength(2)
    const bad = await owner.post('/s/ship/api/admin/pickup-points', { name: '', address: 'x' })
    expect([bad.status, (await readJson(bad)).errors[0].field]).toEqual([422, 'body.name'])
    expect((await owner.delete(`/s/ship/api/admin/pickup-points/${closed.id}`)).status).toBe(204)
    expect((await owner.delete(`/s/ship/api/admin/pickup-points/${closed.id}`)).status).toBe(404)
    expect(await count('core__pickup_point')).toBe(1)
  })
})
