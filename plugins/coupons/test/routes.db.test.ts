import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCustomers, seedSku } from '../../../core/src/commerce/orders/testing.ts'
import { placeAdjustments, priceCart } from '../../../core/src/commerce/pricing/price-cart.ts'
import { withTenant } from '../../../core/src/db/tenant-scope.ts'
import { runInMall } from '../../../core/src/mall-context.ts'
import {
  createTestCore,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../../core/test/app.ts'
import coupons from '../src/server/index.ts'
import type { CouponTables } from '../src/server/tables.ts'

let core: TestCore
let mall: TestMall
let other: TestMall
let owner: TestClient
let otherOwner: TestClient

const admin = (slug: string, path: string) => `/s/${slug}/api/admin/p/coupons${path}`

async function createCoupon(client: TestClient, slug: string, body: Record<string, unknown> = {}) {
  const response = await client.post(admin(slug, '/templates'), {
    name: '满199减20',
    benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 2000 },
    validity: { kind: 'relative', days: 7 },
    totalQuantity: 10,
    status: 'live',
    ...body,
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as { id: string }
}

const TABLES = ['coupons__template', 'coupons__code', 'coupons__coupon', 'coupons__ledger'] as const

/** Row counts of the plugin's tables in both malls. */
async function snapshot(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const m of [mall, other])
    for (const table of TABLES)
      counts[`${m.slug}.${table}`] = await withTenant(
        core.services.db,
        m.id,
        async (tx) =>
          (await tx.withTables<CouponTables>().selectFrom(table).selectAll().execute()).length,
      )
  return counts
}

beforeAll(async () => {
  core = await createTestCore({ plugins: [coupons] })
  mall = await core.createMall('coupons-report')
  other = await core.createMall('coupons-other')
  owner = core.client()
  await owner.loginStaff(mall.ownerEmail)
  otherOwner = core.client()
  await otherOwner.loginStaff(other.ownerEmail)
  for (const [client, m] of [
    [owner, mall],
    [otherOwner, other],
  ] as const)
    expect(
      (await client.put(`/s/${m.slug}/api/admin/plugins/coupons`, { enabled: true })).status,
    ).toBe(200)
}, 120_000)
afterAll(() => core?.close())

describe('the report of a coupon', () => {
  it('counts claims, uses, the redemption rate, the discount given and the order value driven', async () => {
    const { id } = await createCoupon(owner, mall.slug)
    const customers = await seedCustomers(core.services, mall.id, 2)
    const issue = () =>
      owner.post(
        admin(mall.slug, `/templates/${id}/issue`),
        { customerIds: customers.map((c) => c.id) },
        { 'idempotency-key': 'report-issue' },
      )
    const issued = await issue()
    expect(issued.status).toBe(200)
    expect(((await issued.json()) as { issued: { created: boolean }[] }).issued).toEqual([
      expect.objectContaining({ created: true }),
      expect.objectContaining({ created: true }),
    ])
    // A retry with the same key issues nothing more.
    const again = (await (await issue()).json()) as { issued: { created: boolean }[] }
    expect(again.issued.map((i) => i.created)).toEqual([false, false])

    const report = async () => {
      const response = await owner.get(admin(mall.slug, `/templates/${id}/report`))
      expect(response.status).toBe(200)
      return response.json()
    }
    expect(await report()).toMatchObject({
      claimed: 2,
      used: 0,
      redemptionRate: 0,
      discountGiven: 0,
    })

    // The first customer's order takes the coupon (locked), then is paid (used).
    const buyer = customers[0]!
    const a = await seedSku(core.services, mall.id, { stock: 5, price: 15000 })
    const b = await seedSku(core.services, mall.id, { stock: 5, price: 5000 })
    const tenant = await core.services.db
      .selectFrom('core__tenant')
      .selectAll()
      .where('id', '=', mall.id)
      .executeTakeFirstOrThrow()
    const orderId = crypto.randomUUID()
    await runInMall(
      core.services,
      { tenant, actor: { kind: 'customer', id: buyer.id } },
      async (ctx) => {
        const priced = await priceCart(ctx, core.services.plugins, {
          currency: 'CNY',
          lines: [
            { id: 'la', skuId: a.skuId, quantity: 1, unitPrice: 15000 },
            { id: 'lb', skuId: b.skuId, quantity: 1, unitPrice: 5000 },
          ],
        })
        expect(priced.total).toBe(18000)
        await placeAdjustments(ctx, priced, { orderId, customerId: buyer.id })
      },
    )
    expect(await report()).toMatchObject({ claimed: 2, locked: 1, used: 0 })

    await runInMall(core.services, { tenant, actor: { kind: 'system' } }, (ctx) =>
      ctx.emit('order.paid', {
        orderId,
        number: 'R1',
        customerId: buyer.id,
        total: 18000,
        currency: 'CNY',
        paymentId: 'p1',
      }),
    )
    expect(await report()).toEqual({
      templateId: id,
      claimed: 2,
      locked: 0,
      used: 1,
      returned: 0,
      redemptionRate: 0.5,
      discountGiven: 2000,
      orderValue: 18000,
      currency: 'CNY',
    })
  }, 60_000)

  it('moves a coupon through its statuses and refuses the moves its status does not allow', async () => {
    const { id } = await createCoupon(owner, mall.slug, { status: 'draft' })
    const move = async (action: string) => {
      const response = await owner.post(admin(mall.slug, `/templates/${id}/${action}`))
      return {
        status: response.status,
        body: (await response.json()) as { status?: string; code?: string },
      }
    }
    expect(await move('pause')).toMatchObject({
      status: 409,
      body: { code: 'coupons:status_change' },
    })
    expect(await move('publish')).toMatchObject({ status: 200, body: { status: 'live' } })
    expect(await move('publish')).toMatchObject({ status: 200, body: { status: 'live' } })
    expect(await move('pause')).toMatchObject({ status: 200, body: { status: 'paused' } })
    expect(await move('resume')).toMatchObject({ status: 200, body: { status: 'live' } })
    expect(await move('end')).toMatchObject({ status: 200, body: { status: 'ended' } })
    expect(await move('resume')).toMatchObject({
      status: 409,
      body: { code: 'coupons:status_change' },
    })
  })
})

describe('every coupons admin route', () => {
  it('refuses another mall’s staff and ids, and writes nothing', async () => {
    const mine = await createCoupon(owner, mall.slug)
    const theirs = await createCoupon(otherOwner, other.slug)
    const [customer] = await seedCustomers(core.services, other.id, 1)
    const doc = (await (await owner.get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      path.startsWith('/api/admin/p/coupons')
        ? Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() }))
        : [],
    )
    expect(routes.length).toBeGreaterThanOrEqual(10)
    const body = (path: string) =>
      path.endsWith('/issue')
        ? { customerIds: [customer!.id] }
        : path.endsWith('/templates') || path.endsWith('}')
          ? {
              name: 'taken over',
              benefit: { kind: 'amount_off', amount: 100 },
              validity: { kind: 'relative', days: 1 },
            }
          : undefined
    const before = await snapshot()
    const unexpected: string[] = []
    for (const { path, method } of routes) {
      const withId = (templateId: string) =>
        path.replace('/api/admin', '').replace('{templateId}', templateId)
      const attempts = [
        // Staff of the first mall on the other mall's host: not a member there.
        {
          label: 'on the other host',
          url: admin(other.slug, withId(theirs.id).replace('/p/coupons', '')),
          ok: [403],
        },
        // On their own host, with the other mall's template id: there is no such coupon.
        ...(path.includes('{templateId}')
          ? [
              {
                label: 'with the other mall’s id',
                url: admin(mall.slug, withId(theirs.id).replace('/p/coupons', '')),
                ok: [404],
              },
            ]
          : []),
      ]
      for (const attempt of attempts) {
        const response = await owner.request(
          method,
          attempt.url,
          method === 'GET' ? undefined : (body(path) ?? {}),
          { 'idempotency-key': `cross-${method}-${path}` },
        )
        if (!attempt.ok.includes(response.status))
          unexpected.push(`${method} ${path} ${attempt.label}: ${response.status}`)
      }
    }
    expect(unexpected).toEqual([])
    expect(await snapshot()).toEqual(before)
    // The own coupon is still there, unchanged.
    const still = (await (await owner.get(admin(mall.slug, `/templates/${mine.id}`))).json()) as {
      name: string
    }
    expect(still.name).toBe('满199减20')
  })

  it('keeps a customer of one mall out of the other mall’s coupons', async () => {
    const mine = await createCoupon(owner, mall.slug, { codes: ['MINE-2026'] })
    const theirs = await createCoupon(otherOwner, other.slug, { codes: ['THEIRS-2026'] })
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const shopper = core.client()
    const [name, value] = customer!.cookie.split('=') as [string, string]
    shopper.cookies.set(name, value)
    const store = (slug: string, path: string) => `/s/${slug}/api/store/p/coupons${path}`
    const key = (k: string) => ({ 'idempotency-key': k })
    const before = await snapshot()

    // Carried to the other mall, the session is nobody there.
    for (const [method, path, body] of [
      ['POST', `/offers/${theirs.id}/claim`, {}],
      ['POST', '/codes/redeem', { code: 'THEIRS-2026' }],
      ['GET', '/mine', undefined],
      ['POST', '/cart-offers', {}],
    ] as const) {
      const response = await shopper.request(method, store(other.slug, path), body, key(path))
      expect([401, 403], `${method} ${path}`).toContain(response.status)
    }
    // The other mall's claim centre is public, and lists only its own coupons.
    const listed = (await (await shopper.get(store(other.slug, '/offers'))).json()) as {
      items: { id: string }[]
    }
    expect(listed.items.map((o) => o.id)).toContain(theirs.id)
    expect(listed.items.map((o) => o.id)).not.toContain(mine.id)
    // At home, the other mall's coupon and code do not exist.
    const claim = await shopper.post(store(mall.slug, `/offers/${theirs.id}/claim`), {}, key('c'))
    expect(claim.status).toBe(404)
    const redeem = await shopper.post(
      store(mall.slug, '/codes/redeem'),
      { code: 'THEIRS-2026' },
      key('r'),
    )
    expect(redeem.status).toBe(404)
    expect(((await redeem.json()) as { code: string }).code).toBe('coupons:unknown_code')
    expect(await snapshot()).toEqual(before)
  })

  it('answers bad input with a 4xx naming the field, never a 500, and writes nothing', async () => {
    const { id } = await createCoupon(owner, mall.slug)
    const [customer] = await seedCustomers(core.services, mall.id, 1)
    const key = { 'idempotency-key': 'bad-input' }
    const cases: {
      method: string
      path: string
      body?: unknown
      headers?: Record<string, string>
      field: RegExp
    }[] = [
      { method: 'GET', path: '/templates?status=archived', field: /^query\.status$/ },
      { method: 'GET', path: '/templates?limit=abc', field: /^query\.limit$/ },
      { method: 'GET', path: '/templates/not-a-uuid', field: /^path\.templateId$/ },
      { method: 'GET', path: '/templates/not-a-uuid/report', field: /^path\.templateId$/ },
      { method: 'POST', path: '/templates', body: '{"name":', field: /^body$/ },
      { method: 'POST', path: '/templates', body: {}, field: /^body\.(name|benefit|validity)$/ },
      {
        method: 'POST',
        path: '/templates',
        body: {
          name: 'x',
          benefit: { kind: 'amount_off_threshold', amount: 2000 },
          validity: { kind: 'relative', days: 7 },
        },
        field: /^body\.benefit\.threshold$/,
      },
      {
        method: 'POST',
        path: '/templates',
        body: {
          name: 'x',
          benefit: { kind: 'amount_off_threshold', threshold: 19900, amount: 25000 },
          validity: { kind: 'relative', days: 7 },
        },
        field: /^body\.benefit\.amount$/,
      },
      {
        method: 'POST',
        path: '/templates',
        body: {
          name: 'x',
          benefit: { kind: 'amount_off', amount: 19.9 },
          validity: { kind: 'window', from: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' },
          scope: { kind: 'products', productIds: [] },
          codes: ['no'],
        },
        field: /^body\.(benefit\.amount|validity\.until|scope\.productIds|codes\.0)$/,
      },
      {
        method: 'PATCH',
        path: `/templates/${id}`,
        body: { perCustomerLimit: 0 },
        field: /^body\.perCustomerLimit$/,
      },
      {
        method: 'PATCH',
        path: `/templates/${id}`,
        body: { name: '\u0000' },
        field: /^body\.name$/,
      },
      {
        method: 'POST',
        path: `/templates/${id}/issue`,
        body: { customerIds: [customer!.id] },
        field: /^header\.idempotency-key$/,
      },
      {
        method: 'POST',
        path: `/templates/${id}/issue`,
        body: { customerIds: [] },
        headers: key,
        field: /^body\.customerIds$/,
      },
      {
        method: 'POST',
        path: `/templates/${id}/issue`,
        body: { customerIds: ['x'] },
        headers: key,
        field: /^body\.customerIds\.0$/,
      },
      { method: 'POST', path: '/templates/not-a-uuid/end', field: /^path\.templateId$/ },
    ]
    const before = await snapshot()
    for (const test of cases) {
      const response = await owner.request(
        test.method,
        admin(mall.slug, test.path),
        test.method === 'GET' ? undefined : (test.body ?? {}),
        test.headers ?? {},
      )
      const label = `${test.method} ${test.path} ${JSON.stringify(test.body)}`
      expect(response.status, `${label}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(
        400,
      )
      expect(response.status, label).toBeLessThan(500)
      const problem = (await response.json()) as { errors?: { field: string }[] }
      expect(
        problem.errors?.some((e) => test.field.test(e.field)),
        `${label}: ${JSON.stringify(problem.errors)}`,
      ).toBe(true)
    }
    expect(await snapshot()).toEqual(before)
  })
})
