import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../test/app.ts'
import { withTenant } from '../db/tenant-scope.ts'

/**
 * Bad input on every store and admin route answers a 4xx problem naming the field, and writes
 * nothing. The routes and their body fields come from the OpenAPI document, so every route added
 * later (commerce, plugins) is exercised without editing this file.
 */

interface JsonSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  enum?: unknown[]
}

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

interface Problem {
  status: number
  code: string
  errors?: { field: string; message: string }[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

/** A value of the wrong type for `schema`. */
function wrongType(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (schema.enum) return '__not_one_of_them__'
  switch (type) {
    case 'string':
      return { not: 'a string' }
    case 'integer':
    case 'number':
      return 'not a number'
    case 'boolean':
      return 'not a boolean'
    case 'array':
      return 'not an array'
    case 'object':
      return 42
    default:
      return undefined
  }
}

describe('bad input on every route', () => {
  let core: TestCore
  let mall: TestMall
  let staff: TestClient
  let customer: TestClient
  let doc: {
    paths: Record<string, Record<string, Operation>>
    components?: { schemas?: Record<string, JsonSchema> }
  }

  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    if (!schema?.$ref) return schema
    return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]
  }

  /** Row counts of every table (tenant tables as seen by the mall). */
  async function snapshot(): Promise<Record<string, number>> {
    const { rows } = await sql<{ table: string; platform: boolean }>`
      select c.relname as table, coalesce(obj_description(c.oid, 'pg_class') like '@platform%', false) as platform
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'migrations\\_\\_%'
      order by 1`.execute(core.services.db)
    const counts: Record<string, number> = {}
    for (const { table, platform } of rows) {
      if (table === 'core__job' || table === 'core__auth_throttle') continue
      const query = sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`
      counts[table] = platform
        ? ((await query.execute(core.services.db)).rows[0]?.n ?? -1)
        : await withTenant(
            core.services.db,
            mall.id,
            async (tx) => (await query.execute(tx)).rows[0]?.n ?? -1,
          )
    }
    return counts
  }

  beforeAll(async () => {
    core = await createTestCore()
    mall = await core.createMall('shop')
    staff = core.client()
    await staff.loginStaff(mall.ownerEmail)
    customer = core.client()
    const registered = await customer.post('/s/shop/api/store/auth/register', {
      email: 'buyer@example.com',
      name: 'Buyer',
      password: 'buyer-password-1',
    })
    expect(registered.status).toBe(201)
    doc = (await (await staff.get('/api/openapi.json')).json()) as typeof doc
  })
  afterAll(() => core.close())

  function operations(prefix: string) {
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      path.startsWith(prefix)
        ? METHODS.filter((m) => ops[m]).map((method) => ({
            path,
            method,
            op: ops[method] as Operation,
          }))
        : [],
    )
  }

  /** Plausible values for required headers (`Idempotency-Key`), so the body is what is wrong. */
  const requiredHeaders = (op: Operation): Record<string, string> =>
    Object.fromEntries(
      (op.parameters ?? [])
        .filter((p) => p.in === 'header' && p.required)
        .map((p) => [p.name, `bad-input-${p.name}`]),
    )
  const clientFor = (path: string) => (path.startsWith('/api/admin') ? staff : customer)
  const concrete = (path: string) => `/s/shop${path.replace(/\{[^}]+\}/g, UNKNOWN_ID)}`

  it('answers 4xx problems naming the field for wrong types, missing fields and unreadable bodies', async () => {
    const before = await snapshot()
    const unexpected: string[] = []
    const bodyRoutes = [...operations('/api/admin'), ...operations('/api/store')].filter(
      ({ op }) => op.requestBody?.content['application/json'],
    )
    expect(bodyRoutes.length).toBeGreaterThan(5)
    for (const { path, method, op } of bodyRoutes) {
      const schema = resolve(op.requestBody?.content['application/json']?.schema)
      const cases: { label: string; body: unknown; field?: RegExp }[] = [
        { label: 'unreadable JSON', body: '{"oops":', field: /^body$/ },
        { label: 'an array', body: [], field: /^body/ },
      ]
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        const resolved = resolve(property) ?? property
        const value = wrongType(resolved.anyOf?.[0] ?? resolved)
        if (value !== undefined)
          cases.push({
            label: `${name} of the wrong type`,
            body: { [name]: value },
            field: new RegExp(`^body\\.${name}`),
          })
      }
      if (schema?.required?.length) cases.push({ label: 'no fields', body: {}, field: /^body/ })
      for (const test of cases) {
        const response = await clientFor(path).request(
          method.toUpperCase(),
          concrete(path),
          test.body,
          requiredHeaders(op),
        )
        const label = `${method.toUpperCase()} ${path} with ${test.label}`
        if (response.status < 400 || response.status >= 500) {
          unexpected.push(`${label}: ${response.status} ${await response.text()}`)
          continue
        }
        expect(response.headers.get('content-type'), label).toBe('application/problem+json')
        const problem = (await response.json()) as Problem
        if (response.status === 422 && test.field)
          expect(
            problem.errors?.some((e) => test.field?.test(e.field)),
            `${label}: ${JSON.stringify(problem.errors)}`,
          ).toBe(true)
      }
    }
    expect(unexpected).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('answers 4xx for out-of-range and wrongly typed query parameters', async () => {
    const before = await snapshot()
    const unexpected: string[] = []
    for (const { path, method, op } of [...operations('/api/admin'), ...operations('/api/store')]) {
      for (const parameter of (op.parameters ?? []).filter((p) => p.in === 'query')) {
        const type = resolve(parameter.schema)?.type
        const values =
          type === 'integer' || type === 'number'
            ? ['abc', '-1', '1000000000', '1e400']
            : ['\u0000', 'x'.repeat(5000)]
        for (const value of values) {
          const url = `${concrete(path)}?${parameter.name}=${encodeURIComponent(value)}`
          const response = await clientFor(path).request(
            method.toUpperCase(),
            url,
            method === 'get' ? undefined : {},
          )
          if (response.status >= 500)
            unexpected.push(
              `${method} ${path} ?${parameter.name}=${value.slice(0, 20)}: ${response.status}`,
            )
        }
      }
    }
    expect(unexpected).toEqual([])
    expect(await snapshot()).toEqual(before)
  })
})
