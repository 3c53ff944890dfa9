import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../test/app.ts'
import { ownerOnMallHost } from '../commerce/catalog/test-support.ts'
import { readJson, seedAddress, seedCustomers, seedSku } from '../commerce/orders/testing.ts'
import { definePlugin, definePluginServer } from '../plugins/index.ts'

const notes = definePluginServer(
  definePlugin({
    id: 'matrix-notes',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { en: 'Notes', 'zh-CN': '便签' },
    settings: z.object({}),
    permissions: { 'notes.write': { label: 'Write notes', roles: ['owner', 'service'] } },
  }),
  {},
)

/** The staff screen's permission matrix, the customer screen's detail and the audit filters. */
describe('console admin routes', () => {
  let core: TestCore
  let mall: TestMall
  let other: TestMall
  let owner: TestClient
  let service: TestClient
  let customerId: string
  let otherCustomerId: string

  beforeAll(async () => {
    core = await createTestCore({ plugins: [notes] })
    mall = await core.createMall('console-admin')
    other = await core.createMall('console-other')
    owner = await ownerOnMallHost(core, mall)
    const helper = await ensureStaffUser(core.services.db, {
      email: 'service@console-admin.test',
      name: 'Service desk',
      password: 'service-password-1',
    })
    await setMembership(core.services.db, helper.id, { tenantId: mall.id }, 'service')
    const platform = core.client()
    await platform.loginStaff('service@console-admin.test', 'service-password-1')
    service = core.client(mall.host)
    for (const [name, value] of platform.cookies) service.cookies.set(name, value)

    const [buyer] = await seedCustomers(core.services, mall.id, 1)
    customerId = buyer!.id
    const addressId = await seedAddress(core.services, mall.id, customerId)
    const { skuId } = await seedSku(core.services, mall.id, { stock: 5, price: 1200 })
    const shopper = core.client(mall.host)
    const [name, value] = buyer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
    const placed = await shopper.post(
      '/api/store/checkout',
      { items: [{ skuId, quantity: 1 }], delivery: { method: 'delivery', addressId } },
      { 'idempotency-key': 'console-admin-1' },
    )
    expect(placed.status).toBe(201)
    const [stranger] = await seedCustomers(core.services, other.id, 1)
    otherCustomerId = stranger!.id
  })
  afterAll(() => core?.close())

  describe('GET /permissions', () => {
    it("lists the core's permissions and each installed plugin's with labels and roles", async () => {
      const response = await owner.get('/api/admin/permissions')
      expect(response.status).toBe(200)
      const body = await readJson(response)
      expect(body.roles).toEqual(['owner', 'admin', 'operator', 'service'])
      const byName = new Map(body.items.map((item: { name: string }) => [item.name, item]))
      expect(byName.get('core:orders.manage')).toEqual({
        name: 'core:orders.manage',
        label: 'Ship, cancel and refund',
        plugin: null,
        roles: ['owner', 'admin', 'operator'],
      })
      expect(byName.get('matrix-notes:notes.write')).toEqual({
        name: 'matrix-notes:notes.write',
        label: 'Write notes',
        plugin: { id: 'matrix-notes', name: { en: 'Notes', 'zh-CN': '便签' } },
        roles: ['owner', 'service'],
      })
    })

    it('answers 403 to a role without core:staff.manage', async () => {
      const response = await service.get('/api/admin/permissions')
      expect(response.status).toBe(403)
    })
  })

  describe("a customer's addresses and orders", () => {
    it('lists the address book and the orders of a customer of this mall', async () => {
      const addresses = await readJson(
        await owner.get(`/api/admin/customers/${customerId}/addresses`),
      )
      expect(addresses.items).toEqual([
        expect.objectContaining({ recipient: '张三', city: '杭州市', isDefault: true }),
      ])
      const orders = await readJson(await service.get(`/api/admin/customers/${customerId}/orders`))
      expect(orders.items).toHaveLength(1)
      expect(orders.items[0]).toMatchObject({ customerId, status: 'pending_payment', total: 1200 })
    })

    it("answers 404 for another mall's customer and 422 for a bad id", async () => {
      for (const part of ['addresses', 'orders']) {
        const foreign = await owner.get(`/api/admin/customers/${otherCustomerId}/${part}`)
        expect(foreign.status).toBe(404)
        const bad = await owner.get(`/api/admin/customers/not-an-id/${part}`)
        expect(bad.status).toBe(422)
      }
    })
  })

  describe('GET /audit-log filters', () => {
    it('filters by actor and time and names who acted', async () => {
      const renamed = await owner.patch('/api/admin/settings', { name: 'Renamed for the log' })
      expect(renamed.status).toBe(200)
      const all = await readJson(await owner.get('/api/admin/audit-log?q=mall.'))
      const entry = all.items[0]
      expect(entry).toMatchObject({ action: 'mall.settings-changed', actorKind: 'staff' })
      expect(entry.actorName).toBe(`Owner of console-admin`)

      const mine = await readJson(await owner.get(`/api/admin/audit-log?actor=${entry.actorId}`))
      expect(mine.items.map((i: { id: string }) => i.id)).toContain(entry.id)
      const nobody = await readJson(await owner.get(`/api/admin/audit-log?actor=${customerId}`))
      expect(nobody.items).toEqual([])

      const at = new Date(entry.createdAt).getTime()
      const before = new Date(at - 60_000).toISOString()
      const after = new Date(at + 60_000).toISOString()
      const inside = await readJson(
        await owner.get(`/api/admin/audit-log?from=${before}&to=${after}`),
      )
      expect(inside.items.map((i: { id: string }) => i.id)).toContain(entry.id)
      const later = await readJson(await owner.get(`/api/admin/audit-log?from=${after}`))
      expect(later.items).toEqual([])
    })

    it('refuses a malformed actor or time naming the field', async () => {
      for (const query of ['actor=someone', 'from=yesterday']) {
        const response = await owner.get(`/api/admin/audit-log?${query}`)
        expect(response.status).toBe(422)
        const field = query.split('=')[0]
        expect((await readJson(response)).errors[0].field).toBe(`query.${field}`)
      }
    })
  })
})
