import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestCore, type TestClient, type TestCore, type TestMall } from '../../test/app.ts'
import { withTenant } from '../db/tenant-scope.ts'

/**
 * The stable interfaces of brief section 7: probes, the OpenAPI document, problem documents that
 * name the bad field and write nothing, and a role change that takes effect at once.
 */

interface Problem {
  status: number
  code: string
  errors?: { field: string; message: string }[]
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('health, API description and bad input', () => {
  let core: TestCore
  let a: TestMall
  /** A's owner, logged in on the platform host. */
  let owner: TestClient
  let operatorId: string

  beforeAll(async () => {
    core = await createTestCore()
    a = await core.createMall('a')
    owner = core.client()
    await owner.loginStaff(a.ownerEmail)
    const operator = await owner.post('/s/a/api/admin/staff', {
      email: 'operator@a.test',
      name: 'Operator',
      password: 'operator-password-1',
      role: 'operator',
    })
    expect(operator.status).toBe(201)
    operatorId = ((await operator.json()) as { userId: string }).userId
  })

  afterAll(() => core?.close())

  describe('probes', () => {
    afterEach(() => {
      core.services.lifecycle.draining = false
    })

    it('answers /healthz and /readyz with 200 while serving', async () => {
      for (const path of ['/healthz', '/readyz']) {
        const response = await core.client().get(path)
        expect([path, response.status]).toEqual([path, 200])
        expect(await response.json()).toEqual({ status: 'ok' })
      }
    })

    it('answers /readyz with a 503 problem once draining, while /healthz stays up', async () => {
      core.services.lifecycle.draining = true
      const ready = await core.client().get('/readyz')
      expect(ready.status).toBe(503)
      expect(ready.headers.get('content-type')).toBe('application/problem+json')
      expect((await ready.json()) as Problem).toMatchObject({ status: 503, code: 'not_ready' })
      expect((await core.client().get('/healthz')).status).toBe(200)
    })
  })

  describe('OpenAPI document', () => {
    it('describes the admin, store and platform APIs in OpenAPI 3.x', async () => {
      const response = await core.client().get('/api/openapi.json')
      expect(response.status).toBe(200)
      const doc = (await response.json()) as {
        openapi: string
        paths: Record<string, Record<string, unknown>>
      }
      expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
      const paths = Object.keys(doc.paths)
      expect(paths).toEqual(
        expect.arrayContaining([
          '/healthz',
          '/readyz',
          '/api/admin/settings',
          '/api/admin/staff/{userId}',
          '/api/store/auth/register',
          '/api/store/me',
          '/api/platform/auth/login',
          '/api/platform/agencies/{agencyId}/malls',
        ]),
      )
      expect(Object.keys(doc.paths['/api/admin/staff/{userId}'] ?? {}).sort()).toEqual([
        'delete',
        'put',
      ])
    })
  })

  describe('bad input', () => {
    /** Everything a bad request could have written to. */
    async function snapshot() {
      const db = core.services.db
      return {
        tenant: await db.selectFrom('core__tenant').selectAll().where('id', '=', a.id).execute(),
        staff: await db
          .selectFrom('core__staff_membership')
          .select(['user_id', 'role', 'tenant_id', 'agency_id'])
          .orderBy('user_id')
          .execute(),
        users: await db.selectFrom('core__staff_user').select('email').orderBy('email').execute(),
        tenants: await db.selectFrom('core__tenant').select('slug').orderBy('slug').execute(),
        ...(await withTenant(db, a.id, async (tx) => ({
          customers: await tx.selectFrom('core__customer').select('email').execute(),
          audit: await tx.selectFrom('core__audit_log').select(['id', 'action']).execute(),
        }))),
      }
    }

    const shopper = () => core.client(a.host)

    const cases: [string, () => Promise<Response>, number, string, string[]][] = [
      [
        'a register with wrong types',
        () => shopper().post('/api/store/auth/register', { email: 42, name: [], password: true }),
        422,
        'validation_failed',
        ['body.email', 'body.name', 'body.password'],
      ],
      [
        'a register with missing fields',
        () => shopper().post('/api/store/auth/register', { email: 'new@a.test' }),
        422,
        'validation_failed',
        ['body.name', 'body.password'],
      ],
      [
        'a register with malformed JSON',
        () => shopper().post('/api/store/auth/register', '{"email": "new@a.test", "name": '),
        400,
        'malformed_request',
        ['body'],
      ],
      [
        'a register sent as a form',
        () =>
          shopper().post(
            '/api/store/auth/register',
            'email=new%40a.test&name=New&password=password-1',
            { 'content-type': 'application/x-www-form-urlencoded' },
          ),
        415,
        'unsupported_media_type',
        ['header.content-type'],
      ],
      [
        'a register with a NUL character in the name',
        () =>
          shopper().post('/api/store/auth/register', {
            email: 'new@a.test',
            name: 'New\u0000',
            password: 'password-1',
          }),
        422,
        'validation_failed',
        ['body.name'],
      ],
      [
        'a staff login without a password',
        () => core.client().post('/api/platform/auth/login', { email: 'not-an-email' }),
        422,
        'validation_failed',
        ['body.email', 'body.password'],
      ],
      [
        'a settings change with wrong types',
        () => owner.patch('/s/a/api/admin/settings', { name: 7, timezone: 'Mars/Olympus' }),
        422,
        'validation_failed',
        ['body.name', 'body.timezone'],
      ],
      [
        'a settings change with a NUL character',
        () => owner.patch('/s/a/api/admin/settings', { name: 'Mall\u0000a' }),
        422,
        'validation_failed',
        ['body.name'],
      ],
      [
        'a new staff member with missing fields',
        () => owner.post('/s/a/api/admin/staff', { email: 'new-staff@a.test' }),
        422,
        'validation_failed',
        ['body.name', 'body.role'],
      ],
      [
        'a role change with an unknown role',
        () => owner.put(`/s/a/api/admin/staff/${operatorId}`, { role: 'emperor' }),
        422,
        'validation_failed',
        ['body.role'],
      ],
      [
        'a role change for an id that is not a uuid',
        () => owner.put('/s/a/api/admin/staff/not-a-uuid', { role: 'admin' }),
        422,
        'validation_failed',
        ['path.userId'],
      ],
      [
        'a list with a cursor that is not base64 JSON',
        () => owner.get('/s/a/api/admin/customers?cursor=not-a-cursor'),
        422,
        'validation_failed',
        ['query.cursor'],
      ],
      [
        'a list with a well-formed cursor holding no uuid',
        () =>
          owner.get(
            `/s/a/api/admin/audit-log?cursor=${cursorOf(['2026-01-01T00:00:00.000Z', 'x'])}`,
          ),
        422,
        'validation_failed',
        ['query.cursor'],
      ],
      [
        'a list with a cursor holding a timestamp out of range',
        () =>
          owner.get(
            `/s/a/api/admin/customers?cursor=${cursorOf([
              '-271821-04-20T00:00:00.000Z',
              '00000000-0000-4000-8000-000000000000',
            ])}`,
          ),
        422,
        'validation_failed',
        ['query.cursor'],
      ],
      [
        'a list with a limit that is not a number',
        () => owner.get('/s/a/api/admin/audit-log?limit=many'),
        422,
        'validation_failed',
        ['query.limit'],
      ],
      [
        'a search with a NUL character',
        () => owner.get('/s/a/api/admin/customers?q=a%00b'),
        422,
        'validation_failed',
        ['query.q'],
      ],
      [
        'an agency list for an id that is not a uuid',
        () => owner.get('/api/platform/agencies/not-a-uuid/malls'),
        422,
        'validation_failed',
        ['path.agencyId'],
      ],
    ]

    it.each(cases)(
      'answers %s with a problem naming the field and writes nothing',
      async (_, send, status, code, fields) => {
        const before = await snapshot()
        const response = await send()
        expect(response.headers.get('content-type')).toBe('application/problem+json')
        const problem = (await response.json()) as Problem
        expect([response.status, problem.status, problem.code]).toEqual([status, status, code])
        expect((problem.errors ?? []).map((e) => e.field)).toEqual(expect.arrayContaining(fields))
        expect(await snapshot()).toEqual(before)
      },
    )

    it('accepts the same register once it is well-formed, so the cases above could write', async () => {
      const response = await shopper().post('/api/store/auth/register', {
        email: 'new@a.test',
        name: 'New',
        password: 'password-1',
      })
      expect(response.status).toBe(201)
    })
  })

  describe('role change', () => {
    it("ends the member's sessions so their next request is 401", async () => {
      const added = await owner.post('/s/a/api/admin/staff', {
        email: 'clerk@a.test',
        name: 'Clerk',
        password: 'clerk-password-1',
        role: 'operator',
      })
      expect(added.status).toBe(201)
      const { userId } = (await added.json()) as { userId: string }
      const clerk = core.client()
      await clerk.loginStaff('clerk@a.test', 'clerk-password-1')
      const before = await clerk.get('/s/a/api/admin/me')
      expect(before.status).toBe(200)
      expect(((await before.json()) as { role: string }).role).toBe('operator')

      const changed = await owner.put(`/s/a/api/admin/staff/${userId}`, { role: 'admin' })
      expect(changed.status).toBe(200)
      expect(((await changed.json()) as { role: string }).role).toBe('admin')

      const after = await clerk.get('/s/a/api/admin/me')
      expect(after.status).toBe(401)
      expect(((await after.json()) as Problem).code).toBe('unauthenticated')
      // The owner who made the change keeps their session.
      expect((await owner.get('/s/a/api/admin/me')).status).toBe(200)

      await clerk.loginStaff('clerk@a.test', 'clerk-password-1')
      const again = await clerk.get('/s/a/api/admin/me')
      expect(((await again.json()) as { role: string }).role).toBe('admin')
    })
  })
})
