import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../test/app.ts'
import { sessionCookie } from '../auth/index.ts'
import { withTenant, type TenantTx } from '../db/tenant-scope.ts'
import { createRouter, definePlugin, definePluginServer } from '../plugins/index.ts'
import { jsonBody } from './openapi.ts'

/**
 * Acceptance: with a staff session of mall A, every admin route called with mall B's host or B's
 * ids answers 403 or 404 and changes nothing; a customer session of A is nobody in B.
 *
 * The admin routes come from the app's own OpenAPI document, so a route added later (plugin admin
 * routes included: the `cross-notes` plugin below shows them) is attacked without editing this
 * file. A route with a path parameter this file has no value for fails loudly instead of being
 * skipped.
 *
 * On subdomain hosts a browser would not send the staff cookie set on `localhost` to
 * `b.localhost` at all (host-only cookie): the request is then anonymous and answers 401. The
 * TestClient sends its cookies to any host, so the stronger case, A's cookie carried to B's host,
 * is tested too and answers 403.
 */

const notesManifest = definePlugin({
  id: 'cross-notes',
  version: '1.0.0',
  compatibility: '^0.1.0',
  name: { en: 'Notes', 'zh-CN': '便签' },
  settings: z.object({ greeting: z.string().max(40).default('hello') }),
})

const addNote = createRoute({
  method: 'post',
  path: '/notes',
  summary: 'Writes a note into the audit log of the mall',
  request: jsonBody(z.object({ text: z.string().min(1).max(200) })),
  responses: { 201: { description: 'Noted' } },
})

const notesPlugin = definePluginServer(notesManifest, {
  admin: createRouter().openapi(addNote, async (c) => {
    const { text } = c.req.valid('json')
    await c.var.inMall((ctx) => ctx.audit('cross-notes.noted', null, { text }))
    return c.body(null, 201)
  }),
})

interface JsonSchema {
  $ref?: string
  type?: string | string[]
  format?: string
  enum?: unknown[]
  default?: unknown
  anyOf?: JsonSchema[]
  minLength?: number
  minimum?: number
  required?: string[]
  properties?: Record<string, JsonSchema>
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

interface AdminCall {
  method: string
  /** The documented path, `{param}` placeholders included. */
  route: string
  params: string[]
  body: unknown
}

/** B's tenant tables compared whole by the snapshot (the others by the columns that matter). */
const WHOLE_TABLES = [
  'core__customer',
  'core__payment_provider',
  'core__plugin_install',
  'core__category',
  'core__order',
  'core__shipping_template',
  'core__pickup_point',
  'core__agency_grant',
]

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Bodies a member of A would plausibly send to do damage; other routes get a generated one. */
const DAMAGING_BODIES: Record<string, unknown> = {
  'patch /api/admin/settings': { name: 'Renamed by mall A', timezone: 'UTC' },
  'post /api/admin/staff': {
    email: 'intruder@a.test',
    name: 'Intruder',
    password: 'intruder-password-1',
    role: 'owner',
  },
  'put /api/admin/staff/{userId}': { role: 'service' },
  'put /api/admin/plugins/{pluginId}': { enabled: false, settings: { greeting: 'taken over' } },
  'post /api/admin/p/cross-notes/notes': { text: 'written by mall A' },
  'put /api/admin/categories/{categoryId}': { name: { en: 'Taken over by A' }, parentId: null },
  'put /api/admin/products/{productId}': {
    title: { en: 'Taken over by A' },
    status: 'archived',
    skus: [{ price: 1, stock: 0 }],
  },
  'patch /api/admin/skus/{skuId}/stock': { set: 0 },
  'put /api/admin/payment-providers/{provider}': {
    enabled: false,
    config: { secret: 'y'.repeat(40) },
  },
  'put /api/admin/shipping-templates/{templateId}': {
    name: 'Taken over by A',
    basis: 'piece',
    rules: [{ regions: ['*'], first: 1, firstFee: 0, additional: 1, additionalFee: 0 }],
  },
  'put /api/admin/pages/{pageId}/schedule': { at: '2099-01-01T00:00:00Z' },
  'post /api/admin/orders/{orderId}/shipments': {
    carrier: 'A',
    trackingNumber: 'A1',
    lines: [{ lineId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
  },
}

/** A value that satisfies `schema` well enough to get past validation. */
function exampleOf(schema: JsonSchema, doc: OpenApiDocument): unknown {
  if (schema.$ref)
    return exampleOf(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, doc)
  if (schema.default !== undefined) return schema.default
  if (schema.enum) return schema.enum[0]
  if (schema.anyOf?.[0]) return exampleOf(schema.anyOf[0], doc)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'object') {
    const required = schema.required ?? []
    return Object.fromEntries(
      required.map((k) => [k, exampleOf(schema.properties?.[k] ?? {}, doc)]),
    )
  }
  if (type === 'array') return []
  if (type === 'boolean') return true
  if (type === 'integer' || type === 'number') return Math.max(schema.minimum ?? 1, 1)
  if (schema.format === 'email') return 'intruder@a.test'
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 10))
}

/** Every operation under `/api/admin` in the app's OpenAPI document. */
function adminCalls(doc: OpenApiDocument): AdminCall[] {
  const calls: AdminCall[] = []
  for (const [route, operations] of Object.entries(doc.paths)) {
    if (!route.startsWith('/api/admin')) continue
    for (const method of METHODS) {
      const operation = operations[method]
      if (!operation) continue
      const schema = operation.requestBody?.content['application/json']?.schema
      calls.push({
        method,
        route,
        params: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        body:
          DAMAGING_BODIES[`${method} ${route}`] ?? (schema ? exampleOf(schema, doc) : undefined),
      })
    }
  }
  return calls
}

describe('cross-tenant isolation', () => {
  let core: TestCore
  let a: TestMall
  let b: TestMall
  let bAgencyId: string
  let bCustomerId: string
  let bOperatorId: string
  let bCatalog: { categoryId: string; productId: string; skuId: string }
  let bPageId: string
  let bCommerce: { orderId: string; templateId: string; pickupPointId: string }
  let calls: AdminCall[]
  /** A's owner, logged in on the platform host. */
  let aOwner: TestClient
  /** B's owner, logged in: a session that a role change in B would end. */
  let bOwner: TestClient
  /** A's customer, registered on A's host. */
  let aShopper: TestClient

  const bEmails = ['bob@b.test', 'owner@b.test', 'operator@b.test']

  /** B's real ids, by the path parameter names the admin API uses. */
  const bIds = (): Record<string, string> => ({
    customerId: bCustomerId,
    userId: b.ownerId,
    agencyId: bAgencyId,
    tenantId: b.id,
    pageId: bPageId,
    version: '1',
    ...bCatalog,
    ...bCommerce,
  })

  function pathFor(call: AdminCall, ids: Record<string, string>): string {
    return call.route.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = ids[name]
      if (value === undefined)
        throw new Error(`No value for {${name}} of ${call.route}: add one to this test`)
      return value
    })
  }

  /** Everything of B an admin route could change, read straight from the database. */
  async function snapshotOfB() {
    const db = core.services.db
    const memberships = await db
      .selectFrom('core__staff_membership')
      .select(['id', 'user_id', 'tenant_id', 'agency_id', 'role'])
      .where((eb) => eb.or([eb('tenant_id', '=', b.id), eb('agency_id', '=', bAgencyId)]))
      .orderBy('id')
      .execute()
    const userIds = memberships.map((m) => m.user_id)
    // Whole rows, in a stable order, of the tables an admin route could change in any column.
    const wholeRows = async (tx: TenantTx) => {
      const rows: Record<string, unknown[]> = {}
      for (const table of WHOLE_TABLES) {
        const query = sql`select * from ${sql.table(table)} t where tenant_id = ${b.id} order by t::text`
        rows[table] = (await query.execute(tx)).rows
      }
      return rows
    }
    const scoped = await withTenant(db, b.id, async (tx) => ({
      ...(await wholeRows(tx)),
      customerSessions: await tx
        .selectFrom('core__customer_session')
        .select(['id', 'customer_id', 'expires_at'])
        .where('tenant_id', '=', b.id)
        .orderBy('id')
        .execute(),
      auditLog: await tx
        .selectFrom('core__audit_log')
        .select(['id', 'action', 'actor_id'])
        .where('tenant_id', '=', b.id)
        .orderBy('id')
        .execute(),
      pages: await tx
        .selectFrom('core__page')
        .select(['id', 'path', 'draft', 'published_version'])
        .where('tenant_id', '=', b.id)
        .execute(),
      catalog: await tx
        .selectFrom('core__product')
        .innerJoin('core__sku', 'core__sku.product_id', 'core__product.id')
        .selectAll()
        .where('core__product.tenant_id', '=', b.id)
        .execute(),
      orderTransitions: await tx
        .selectFrom('core__order_transition')
        .select(['id', 'to_status'])
        .where('tenant_id', '=', b.id)
        .execute(),
    }))
    return {
      tenant: await db
        .selectFrom('core__tenant')
        .selectAll()
        .where('id', '=', b.id)
        .executeTakeFirst(),
      domains: await db
        .selectFrom('core__tenant_domain')
        .select('host')
        .where('tenant_id', '=', b.id)
        .orderBy('host')
        .execute(),
      memberships,
      staffUsers: await db
        .selectFrom('core__staff_user')
        .selectAll()
        .where('id', 'in', userIds)
        .orderBy('id')
        .execute(),
      staffSessions: await db
        .selectFrom('core__staff_session')
        .select(['id', 'user_id', 'expires_at'])
        .where('user_id', 'in', userIds)
        .orderBy('id')
        .execute(),
      ...scoped,
    }
  }

  /** Runs `attack` and asserts that nothing of B changed meanwhile. */
  async function expectBUnchanged(attack: () => Promise<void>) {
    const before = await snapshotOfB()
    expect(before.auditLog.length).toBeGreaterThan(0)
    expect(before.staffSessions.length).toBeGreaterThan(0)
    await attack()
    expect(await snapshotOfB()).toEqual(before)
  }

  /** Calls every admin route; returns the calls that were not answered 403 / 404 or that leaked. */
  async function attackAll(client: TestClient, prefix: string, ids: Record<string, string>) {
    const unexpected: string[] = []
    for (const call of calls) {
      const path = `${prefix}${pathFor(call, ids)}`
      const response = await client.request(call.method.toUpperCase(), path, call.body)
      const text = await response.text()
      const leaked = bEmails.filter((email) => text.includes(email))
      if (![403, 404].includes(response.status) || leaked.length)
        unexpected.push(`${call.method.toUpperCase()} ${path} → ${response.status} ${text}`)
    }
    return unexpected
  }

  beforeAll(async () => {
    core = await createTestCore({ plugins: [notesPlugin] })
    const agency = await core.services.db
      .insertInto('core__agency')
      .values({ name: 'Agency of B' })
      .returning('id')
      .executeTakeFirstOrThrow()
    bAgencyId = agency.id
    a = await core.createMall('a')
    b = await core.createMall('b', { agencyId: bAgencyId })

    aOwner = core.client()
    await aOwner.loginStaff(a.ownerEmail)
    bOwner = core.client()
    await bOwner.loginStaff(b.ownerEmail)

    const plugin = await bOwner.put('/s/b/api/admin/plugins/cross-notes', {
      enabled: true,
      settings: { greeting: 'welcome to B' },
    })
    expect(plugin.status).toBe(200)
    const operator = await bOwner.post('/s/b/api/admin/staff', {
      email: 'operator@b.test',
      name: 'Operator of B',
      password: 'operator-password-1',
      role: 'operator',
    })
    expect(operator.status).toBe(201)
    bOperatorId = ((await operator.json()) as { userId: string }).userId
    const category = await bOwner.post('/s/b/api/admin/categories', { name: { en: 'Of B' } })
    const categoryId = ((await category.json()) as { id: string }).id
    const product = await bOwner.post('/s/b/api/admin/products', {
      title: { en: 'Product of B' },
      categoryId,
      status: 'active',
      skus: [{ price: 100, stock: 7 }],
    })
    expect(product.status).toBe(201)
    const created = (await product.json()) as { id: string; skus: { id: string }[] }
    bCatalog = { categoryId, productId: created.id, skuId: created.skus[0]!.id }
    const sandbox = await bOwner.put('/s/b/api/admin/payment-providers/sandbox', { enabled: true })
    expect(sandbox.status).toBe(200)

    const bShopper = core.client(b.host)
    const registered = await bShopper.post('/api/store/auth/register', {
      email: 'bob@b.test',
      name: 'Bob of B',
      password: 'shopper-password-1',
    })
    expect(registered.status).toBe(201)
    bCustomerId = ((await registered.json()) as { id: string }).id

    const page = await bOwner.post('/s/b/api/admin/pages', {
      path: '/',
      title: { en: 'Home of B' },
    })
    expect(page.status).toBe(201)
    bPageId = ((await page.json()) as { id: string }).id
    const template = await bOwner.post('/s/b/api/admin/shipping-templates', {
      name: 'Of B',
      basis: 'piece',
      rules: [{ regions: ['*'], first: 1, firstFee: 800, additional: 1, additionalFee: 200 }],
    })
    const point = await bOwner.post('/s/b/api/admin/pickup-points', { name: 'Of B', address: 'B' })
    const pickupPointId = ((await point.json()) as { id: string }).id
    const order = await bShopper.post(
      '/api/store/checkout',
      {
        items: [{ skuId: bCatalog.skuId, quantity: 1 }],
        delivery: { method: 'pickup', pickupPointId },
      },
      { 'idempotency-key': 'order-of-b' },
    )
    expect(order.status).toBe(201)
    bCommerce = {
      orderId: ((await order.json()) as { id: string }).id,
      templateId: ((await template.json()) as { id: string }).id,
      pickupPointId,
    }

    aShopper = core.client(a.host)
    const aRegistered = await aShopper.post('/api/store/auth/register', {
      email: 'ann@a.test',
      name: 'Ann of A',
      password: 'shopper-password-1',
    })
    expect(aRegistered.status).toBe(201)

    const doc = await aOwner.get('/api/openapi.json')
    calls = adminCalls((await doc.json()) as OpenApiDocument)
  })

  afterAll(() => core?.close())

  it('finds the admin routes, plugin routes included, in the OpenAPI document', () => {
    const found = calls.map((call) => `${call.method} ${call.route}`)
    expect(found).toEqual(
      expect.arrayContaining([
        'get /api/admin/me',
        'patch /api/admin/settings',
        'put /api/admin/plugins/{pluginId}',
        'post /api/admin/staff',
        'put /api/admin/staff/{userId}',
        'delete /api/admin/staff/{userId}',
        'delete /api/admin/agency-grants/{agencyId}',
        'put /api/admin/agency-grants/{agencyId}',
        'get /api/admin/audit-log',
        'get /api/admin/customers/{customerId}',
        'post /api/admin/p/cross-notes/notes',
      ]),
    )
  })

  it('notices a change in the snapshot of B when B changes itself', async () => {
    const before = await snapshotOfB()
    const renamed = await bOwner.patch('/s/b/api/admin/settings', { name: 'Mall b, renamed' })
    expect(renamed.status).toBe(200)
    expect(await snapshotOfB()).not.toEqual(before)
  })

  it("answers 403 to every admin route when A's owner sends A's cookie to B's host", async () => {
    const carrier = core.client(b.host)
    for (const [name, value] of aOwner.cookies) carrier.cookies.set(name, value)
    expect([...carrier.cookies.keys()]).toEqual([sessionCookie(core.services.config, 'staff').name])
    await expectBUnchanged(async () => {
      expect(
        await attackAll(carrier, '', { ...bIds(), pluginId: 'cross-notes', provider: 'sandbox' }),
      ).toEqual([])
    })
    const me = await carrier.get('/api/admin/me')
    expect(me.status).toBe(403)
    expect(((await me.json()) as { code: string }).code).toBe('forbidden')
  })

  it("answers 403 to every admin route when A's owner uses /s/b/ on the platform host", async () => {
    await expectBUnchanged(async () => {
      expect(
        await attackAll(aOwner, '/s/b', {
          ...bIds(),
          pluginId: 'cross-notes',
          provider: 'sandbox',
        }),
      ).toEqual([])
    })
    // The same session still works in A: the 403s above are about B, not a broken session.
    expect((await aOwner.get('/s/a/api/admin/me')).status).toBe(200)
  })

  it("answers 401 on B's host to a browser, which keeps the localhost staff cookie to itself", async () => {
    const browser = core.client(b.host)
    await expectBUnchanged(async () => {
      for (const call of calls) {
        const path = pathFor(call, { ...bIds(), pluginId: 'cross-notes', provider: 'sandbox' })
        const response = await browser.request(call.method.toUpperCase(), path, call.body)
        expect([call.method, path, response.status]).toEqual([call.method, path, 401])
      }
    })
  })

  it("answers 404 when A's own host is given B's ids", async () => {
    const onAHost = core.client(a.host)
    for (const [name, value] of aOwner.cookies) onAHost.cookies.set(name, value)
    const withBIds = calls.filter(
      (call) => call.params.length > 0 && call.params.every((p) => p in bIds()),
    )
    expect(withBIds.map((call) => `${call.method} ${call.route}`)).toEqual(
      expect.arrayContaining([
        'get /api/admin/customers/{customerId}',
        'put /api/admin/staff/{userId}',
        'delete /api/admin/staff/{userId}',
        'delete /api/admin/agency-grants/{agencyId}',
      ]),
    )
    await expectBUnchanged(async () => {
      for (const [client, prefix] of [
        [onAHost, ''],
        [aOwner, '/s/a'],
      ] as const) {
        for (const call of withBIds) {
          const path = `${prefix}${pathFor(call, bIds())}`
          const response = await client.request(call.method.toUpperCase(), path, call.body)
          expect([call.method, path, response.status]).toEqual([call.method, path, 404])
        }
      }
      // B's operator too: a member of B, never of A.
      const demote = await aOwner.put(`/s/a/api/admin/staff/${bOperatorId}`, { role: 'service' })
      expect(demote.status).toBe(404)
    })
  })

  it("treats A's customer as nobody in B, on B's host and under /s/b/", async () => {
    const aCookie = sessionCookie(core.services.config, 'customer', a.id).name
    const bCookie = sessionCookie(core.services.config, 'customer', b.id).name
    expect(aCookie).not.toBe(bCookie)
    expect([...aShopper.cookies.keys()]).toEqual([aCookie])
    expect((await aShopper.get('/api/store/me')).status).toBe(200)

    const onBHost = core.client(b.host)
    for (const [name, value] of aShopper.cookies) onBHost.cookies.set(name, value)
    const onPlatform = core.client()
    const login = await onPlatform.post('/s/a/api/store/auth/login', {
      identifier: 'ann@a.test',
      password: 'shopper-password-1',
    })
    expect(login.status).toBe(200)
    expect((await onPlatform.get('/s/a/api/store/me')).status).toBe(200)

    await expectBUnchanged(async () => {
      for (const [client, prefix] of [
        [onBHost, ''],
        [onPlatform, '/s/b'],
      ] as const) {
        const me = await client.get(`${prefix}/api/store/me`)
        expect(me.status).toBe(401)
        expect(((await me.json()) as { code: string }).code).toBe('unauthenticated')
        const patch = await client.patch(`${prefix}/api/store/me`, { name: 'Renamed by Ann' })
        expect(patch.status).toBe(401)
      }
    })
  })

  it("refuses A's customer token presented under B's cookie name", async () => {
    const token = aShopper.cookies.get(sessionCookie(core.services.config, 'customer', a.id).name)
    expect(token).toBeTruthy()
    const forger = core.client(b.host)
    const forge = () =>
      forger.cookies.set(sessionCookie(core.services.config, 'customer', b.id).name, token!)
    await expectBUnchanged(async () => {
      forge()
      expect((await forger.get('/api/store/me')).status).toBe(401)
      forge()
      expect((await forger.patch('/api/store/me', { name: 'Renamed by Ann' })).status).toBe(401)
    })
  })
})
