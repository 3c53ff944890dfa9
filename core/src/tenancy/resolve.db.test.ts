import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../test/app.ts'

/**
 * How a request finds its mall: custom domain, then `{slug}.localhost`, then `/s/{slug}/` on the
 * platform host; anything else is 404 `tenant_not_found`, never another mall. Suspension and the
 * agency's revocable grant are enforced on the very next request.
 */

interface Problem {
  status: number
  code: string
}

const AGENCY_EMAIL = 'agency-owner@resolve.test'
const AGENCY_PASSWORD = 'agency-password-1'

describe('tenant resolution', () => {
  let core: TestCore
  let agencyId: string
  let a: TestMall
  let b: TestMall
  /** The agency owner, logged in on the platform host. */
  let agency: TestClient
  /** A's owner, logged in on the platform host. */
  let aOwner: TestClient

  const home = (host: string, path = '/') => core.client(host).get(path)

  async function expectMallPage(response: Response, name: string) {
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain(`<h1>${name}</h1>`)
  }

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as Problem
    expect([response.status, problem.status, problem.code]).toEqual([status, status, code])
    return problem
  }

  async function setStatus(tenantId: string, status: 'active' | 'suspended') {
    const response = await agency.patch(`/api/platform/agencies/${agencyId}/malls/${tenantId}`, {
      status,
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { status: string }).status).toBe(status)
  }

  beforeAll(async () => {
    core = await createTestCore()
    const row = await core.services.db
      .insertInto('core__agency')
      .values({ name: 'Resolve Agency' })
      .returning('id')
      .executeTakeFirstOrThrow()
    agencyId = row.id
    a = await core.createMall('a', { agencyId })
    b = await core.createMall('b', { agencyId })
    await core.createMall('demo')
    const agencyOwner = await ensureStaffUser(core.services.db, {
      email: AGENCY_EMAIL,
      name: 'Agency owner',
      password: AGENCY_PASSWORD,
    })
    await setMembership(core.services.db, agencyOwner.id, { agencyId }, 'owner')
    agency = core.client()
    await agency.loginStaff(AGENCY_EMAIL, AGENCY_PASSWORD)
    aOwner = core.client()
    await aOwner.loginStaff(a.ownerEmail)

    const mapped = await agency.post(`/api/platform/agencies/${agencyId}/malls/${a.id}/domains`, {
      host: 'shop-a.example',
    })
    expect(mapped.status).toBe(201)
    expect(((await mapped.json()) as { domains: string[] }).domains).toEqual(['shop-a.example'])
  })

  afterAll(() => core?.close())

  describe('resolution order', () => {
    it('serves a mall at its subdomain, demo.localhost style', async () => {
      await expectMallPage(await home('demo.localhost'), 'Mall demo')
      await expectMallPage(await home('Demo.LocalHost:3000'), 'Mall demo')
    })

    it('serves a mall under /s/{slug}/ on the platform host', async () => {
      await expectMallPage(await home('localhost', '/s/demo/'), 'Mall demo')
      await expectMallPage(await home('localhost', '/s/b'), 'Mall b')
      await expectMallPage(await home('127.0.0.1:3000', '/s/b/'), 'Mall b')
    })

    it('serves the platform page, not a mall, at / on the platform host', async () => {
      const response = await home('localhost')
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain('<h1>Mallkit</h1>')
      expect(html).not.toContain('Mall ')
    })

    it('serves a mall at a custom domain mapped through the agency API', async () => {
      await expectMallPage(await home('shop-a.example'), 'Mall a')
      await expectMallPage(await home('SHOP-A.example:8443'), 'Mall a')
      const me = await core.client('shop-a.example').get('/api/admin/me')
      expect(me.status).toBe(401)
    })

    it('prefers the custom domain over the subdomain form of the same host', async () => {
      // The agency API refuses hosts inside the platform domain; a row from before a change of
      // MALLKIT_BASE_DOMAIN can still look like a subdomain, and the mapping wins.
      await core.services.db
        .insertInto('core__tenant_domain')
        .values({ host: 'b.localhost', tenant_id: a.id })
        .execute()
      try {
        await expectMallPage(await home('b.localhost'), 'Mall a')
      } finally {
        await core.services.db
          .deleteFrom('core__tenant_domain')
          .where('host', '=', 'b.localhost')
          .execute()
      }
      await expectMallPage(await home('b.localhost'), 'Mall b')
    })

    it('ignores a /s/{slug}/ path on a subdomain or a custom domain', async () => {
      const onSubdomain = await home('b.localhost', '/s/a/')
      await expectMallPage(onSubdomain, 'Mall b')
      await expectMallPage(await home('shop-a.example', '/s/b/'), 'Mall a')
      // Not A's store API: a page path of B, answered by B's storefront.
      await expectMallPage(await core.client('b.localhost').get('/s/a/api/store/me'), 'Mall b')
    })

    it('refuses the agency API for a host inside the platform domain', async () => {
      const response = await agency.post(
        `/api/platform/agencies/${agencyId}/malls/${b.id}/domains`,
        { host: 'a.localhost' },
      )
      const problem = await expectProblem(response, 422, 'validation_failed')
      expect(problem).toMatchObject({ errors: [{ field: 'body.host' }] })
      await expectMallPage(await home('a.localhost'), 'Mall a')
    })
  })

  describe('unknown hosts and slugs', () => {
    it.each([
      ['an unknown subdomain', 'nope.localhost', '/'],
      ['a nested subdomain', 'a.b.localhost', '/'],
      ['a subdomain that is not a slug', 'under_score.localhost', '/'],
      ['an unknown slug', 'localhost', '/s/nope/'],
      ['a foreign host', 'evil.example', '/'],
      ['a foreign host on a mall API', 'evil.example', '/api/store/me'],
      ['an unknown subdomain on the admin API', 'nope.localhost', '/api/admin/me'],
    ])('answers 404 tenant_not_found for %s', async (_, host, path) => {
      const response = await home(host, path)
      await expectProblem(response, 404, 'tenant_not_found')
    })

    it('answers 404 tenant_not_found before anything else for a write', async () => {
      const response = await core
        .client('nope.localhost')
        .post('/api/store/auth/register', { name: 'N', email: 'n@x.test', password: 'password-1' })
      await expectProblem(response, 404, 'tenant_not_found')
    })

    it('never answers with another mall', async () => {
      for (const [host, path] of [
        ['nope.localhost', '/'],
        ['localhost', '/s/nope/'],
        ['evil.example', '/'],
      ] as const) {
        const text = await (await home(host, path)).text()
        expect(text).not.toMatch(/Mall (a|b|demo)/)
      }
    })
  })

  describe('suspension', () => {
    it('closes a suspended mall on every surface and reopens it when reactivated', async () => {
      const bOwner = core.client()
      await bOwner.loginStaff(b.ownerEmail)
      const shopper = core.client(b.host)
      expect((await bOwner.get('/s/b/api/admin/me')).status).toBe(200)

      await setStatus(b.id, 'suspended')
      try {
        for (const response of [await home(b.host), await home('localhost', '/s/b/')]) {
          expect(response.status).toBe(403)
          expect(response.headers.get('content-type')).toMatch(/^text\/html/)
          expect(await response.text()).toContain('This mall is temporarily closed.')
        }
        await expectProblem(await shopper.get('/api/store/me'), 403, 'tenant_suspended')
        const register = await shopper.post('/api/store/auth/register', {
          email: 'late@b.test',
          name: 'Late',
          password: 'password-1',
        })
        await expectProblem(register, 403, 'tenant_suspended')
        await expectProblem(await bOwner.get('/s/b/api/admin/me'), 403, 'tenant_suspended')
        await expectProblem(
          await bOwner.patch('/s/b/api/admin/settings', { name: 'Renamed while closed' }),
          403,
          'tenant_suspended',
        )
        // Other malls are not affected.
        await expectMallPage(await home(a.host), 'Mall a')
      } finally {
        await setStatus(b.id, 'active')
      }

      await expectMallPage(await home(b.host), 'Mall b')
      expect((await bOwner.get('/s/b/api/admin/me')).status).toBe(200)
      const register = await shopper.post('/api/store/auth/register', {
        email: 'late@b.test',
        name: 'Late',
        password: 'password-1',
      })
      expect(register.status).toBe(201)
      const settings = (await (await bOwner.get('/s/b/api/admin/settings')).json()) as {
        name: string
      }
      expect(settings.name).toBe('Mall b')
    })
  })

  describe('agency grant', () => {
    it('lets agency staff in while the grant is active and shuts them out on revocation', async () => {
      const me = await agency.get('/s/a/api/admin/me')
      expect(me.status).toBe(200)
      expect((await me.json()) as { via: string; role: string }).toMatchObject({
        via: 'agency',
        role: 'admin',
      })

      // Collaborator access is the owner's to give: the agency cannot revoke or restore itself.
      await expectProblem(
        await agency.delete(`/s/a/api/admin/agency-grants/${agencyId}`),
        403,
        'forbidden',
      )

      const revoked = await aOwner.delete(`/s/a/api/admin/agency-grants/${agencyId}`)
      expect(revoked.status).toBe(200)
      expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull()

      await expectProblem(await agency.get('/s/a/api/admin/me'), 403, 'forbidden')
      await expectProblem(
        await agency.patch('/s/a/api/admin/settings', { name: 'Renamed by the agency' }),
        403,
        'forbidden',
      )
      await expectProblem(
        await agency.put(`/s/a/api/admin/agency-grants/${agencyId}`),
        403,
        'forbidden',
      )
      // The grant is per mall: the agency still reaches its other client.
      expect((await agency.get('/s/b/api/admin/me')).status).toBe(200)

      const restored = await aOwner.put(`/s/a/api/admin/agency-grants/${agencyId}`)
      expect(restored.status).toBe(200)
      expect(((await restored.json()) as { revokedAt: string | null }).revokedAt).toBeNull()
      expect((await agency.get('/s/a/api/admin/me')).status).toBe(200)

      const log = await aOwner.get('/s/a/api/admin/audit-log?q=agency-grant.')
      expect(log.status).toBe(200)
      const { items } = (await log.json()) as {
        items: { action: string; actorId: string | null; target: string | null }[]
      }
      expect(items.map(({ action, actorId, target }) => ({ action, actorId, target }))).toEqual([
        { action: 'agency-grant.restored', actorId: a.ownerId, target: `agency:${agencyId}` },
        { action: 'agency-grant.revoked', actorId: a.ownerId, target: `agency:${agencyId}` },
      ])
    })

    it('keeps agency staff from making themselves members who would outlast a revocation', async () => {
      const staffBefore = await aOwner.get('/s/a/api/admin/staff')
      const selfAdd = await agency.post('/s/a/api/admin/staff', {
        email: AGENCY_EMAIL,
        name: 'Agency owner',
        role: 'admin',
      })
      await expectProblem(selfAdd, 403, 'forbidden')
      const sidekick = await agency.post('/s/a/api/admin/staff', {
        email: 'sidekick@resolve.test',
        name: 'Sidekick',
        password: 'sidekick-password-1',
        role: 'operator',
      })
      await expectProblem(sidekick, 403, 'forbidden')
      const staffAfter = await aOwner.get('/s/a/api/admin/staff')
      expect(await staffAfter.json()).toEqual(await staffBefore.json())

      expect((await aOwner.delete(`/s/a/api/admin/agency-grants/${agencyId}`)).status).toBe(200)
      try {
        await expectProblem(await agency.get('/s/a/api/admin/me'), 403, 'forbidden')
      } finally {
        expect((await aOwner.put(`/s/a/api/admin/agency-grants/${agencyId}`)).status).toBe(200)
      }
    })
  })
})
