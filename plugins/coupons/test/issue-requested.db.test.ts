import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCustomers } from '../../../core/src/commerce/orders/testing.ts'
import type { MallContext } from '../../../core/src/context.ts'
import type { Tenant } from '../../../core/src/db/schema.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { runInMall } from '../../../core/src/mall-context.ts'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../core/test/app.ts'
import '../src/events.ts'
import coupons from '../src/server/index.ts'
import type { CouponTables } from '../src/server/tables.ts'

/**
 * `coupons.issue-requested`, the interface other plugins give coupons through (a points mall, a
 * birthday gift, a prize): issued inline in the emitter's transaction, once per request key,
 * within the template's quantity, per-customer limit and state; a refusal aborts the emitter's
 * transaction with a stable code, and nothing happens while the plugin is off.
 */
let core: TestCore
let mall: TestMall
let owner: TestClient
let tenant: Tenant

const admin = (path: string) => `/s/${mall.slug}/api/admin/p/coupons${path}`

async function template(body: Record<string, unknown> = {}) {
  const response = await owner.post(admin('/templates'), {
    name: '¥5 off',
    benefit: { kind: 'amount_off', amount: 500 },
    validity: { kind: 'relative', days: 7 },
    status: 'live',
    ...body,
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** Emits a request in its own transaction, as another plugin's route or job would. */
const request = (
  templateId: string,
  customerId: string,
  requestKey: string,
  alsoDo?: (ctx: MallContext) => Promise<void>,
) =>
  runInMall(core.services, { tenant, actor: { kind: 'system' } }, async (ctx) => {
    await alsoDo?.(ctx)
    await ctx.emit('coupons.issue-requested', { templateId, customerId, requestKey })
  })

const couponsOf = (templateId: string) =>
  withTenant(core.services.db, mall.id, (tx) =>
    tx
      .withTables<CouponTables>()
      .selectFrom('coupons__coupon')
      .selectAll()
      .where('template_id', '=', templateId)
      .execute(),
  )

const issuedCount = (templateId: string) =>
  withTenant(core.services.db, mall.id, (tx) =>
    tx
      .withTables<CouponTables>()
      .selectFrom('coupons__template')
      .select('issued')
      .where('id', '=', templateId)
      .executeTakeFirstOrThrow(),
  ).then((row) => row.issued)

beforeAll(async () => {
  core = await createTestCore({ plugins: [coupons] })
  mall = await core.createMall('coupon-requests')
  owner = core.client()
  await owner.loginStaff(mall.ownerEmail)
  const on = await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: true })
  expect(on.status).toBe(200)
  tenant = await core.services.db
    .selectFrom('core__tenant')
    .selectAll()
    .where('id', '=', mall.id)
    .executeTakeFirstOrThrow()
}, 120_000)
afterAll(() => core?.close())

describe('coupons.issue-requested', () => {
  it('issues exactly 10 of a quantity of 10 to 50 requests at once, refusing the rest as sold out', async () => {
    const id = await template({ totalQuantity: 10 })
    const customers = await seedCustomers(core.services, mall.id, 50)
    const results = await Promise.allSettled(
      customers.map((c, i) => request(id, c.id, `rush:${i}`)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10)
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(refusals).toHaveLength(40)
    for (const refusal of refusals)
      expect(refusal).toMatchObject({ problemCode: 'coupons:sold_out', status: 409 })
    const issued = await couponsOf(id)
    expect(issued).toHaveLength(10)
    expect(issued.every((c) => c.source === 'event')).toBe(true)
    expect(await issuedCount(id)).toBe(10)
  }, 120_000)

  it('issues once for one request key, even sent five times at once', async () => {
    const id = await template({ perCustomerLimit: 5 })
    const [c] = await seedCustomers(core.services, mall.id, 1)
    await Promise.all(Array.from({ length: 5 }, () => request(id, c!.id, 'gift:once')))
    await request(id, c!.id, 'gift:once')
    expect(await couponsOf(id)).toHaveLength(1)
    await request(id, c!.id, 'gift:twice')
    expect(await couponsOf(id)).toHaveLength(2)
    expect(await issuedCount(id)).toBe(2)
  })

  it("holds the per-customer limit, and a refusal rolls back the emitter's own writes", async () => {
    const id = await template({ perCustomerLimit: 2 })
    const [c] = await seedCustomers(core.services, mall.id, 1)
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => request(id, c!.id, `limit:${i}`)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    const refused = request(id, c!.id, 'limit:extra', (ctx) =>
      ctx.audit('test.emitter-wrote', `customer:${c!.id}`),
    )
    await expect(refused).rejects.toMatchObject({ problemCode: 'coupons:limit_reached' })
    const audits = await withTenant(core.services.db, mall.id, (tx) =>
      tx
        .selectFrom('core__audit_log')
        .select('id')
        .where('action', '=', 'test.emitter-wrote')
        .execute(),
    )
    expect(audits).toHaveLength(0)
    expect(await couponsOf(id)).toHaveLength(2)
  })

  it('refuses paused and ended coupons with coupons:not_claimable', async () => {
    const id = await template()
    const [c] = await seedCustomers(core.services, mall.id, 1)
    expect((await owner.post(admin(`/templates/${id}/pause`), {})).status).toBe(200)
    await expect(request(id, c!.id, 'paused')).rejects.toMatchObject({
      problemCode: 'coupons:not_claimable',
    })
    expect((await owner.post(admin(`/templates/${id}/end`), {})).status).toBe(200)
    await expect(request(id, c!.id, 'ended')).rejects.toMatchObject({
      problemCode: 'coupons:not_claimable',
    })
    expect(await couponsOf(id)).toHaveLength(0)
  })

  it('does nothing while the plugin is off for the mall', async () => {
    const id = await template()
    const [c] = await seedCustomers(core.services, mall.id, 1)
    expect(
      (await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: false })).status,
    ).toBe(200)
    await request(id, c!.id, 'while-off')
    expect(await couponsOf(id)).toHaveLength(0)
    expect(
      (await owner.put(`/s/${mall.slug}/api/admin/plugins/coupons`, { enabled: true })).status,
    ).toBe(200)
    await request(id, c!.id, 'while-on')
    expect(await couponsOf(id)).toHaveLength(1)
  })
})
