import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestCore,
  ensureStaffUser,
  setMembership,
  type TestClient,
  type TestCore,
  type TestMall,
} from '../../test/app.ts'
import { withTenant } from '../db/tenant-scope.ts'

/**
 * Acceptance: cross-site POST / PUT / PATCH / DELETE, JSON and form alike, are refused with 403
 * `cross_site_request` and write nothing; same-origin requests, requests with neither header
 * (non-browser clients) and requests from the mall's own custom domain pass.
 *
 * Requests are built here header by header (not through TestClient's defaults), because the
 * point is exactly which of `Sec-Fetch-Site` and `Origin` a browser sent.
 */

type Encoding = 'json' | 'form'

interface Attack {
  name: string
  headers: Record<string, string>
}

const ATTACKS: Attack[] = [
  {
    name: 'Sec-Fetch-Site: cross-site',
    headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
  },
  {
    name: "Sec-Fetch-Site: same-site (another mall's subdomain)",
    headers: { 'sec-fetch-site': 'same-site', origin: 'http://b.localhost' },
  },
  { name: 'only Origin: https://evil.example', headers: { origin: 'https://evil.example' } },
  { name: 'only Origin: http://b.localhost', headers: { origin: 'http://b.localhost' } },
  { name: 'only Origin: null', headers: { origin: 'null' } },
]

const SHOP_DOMAIN = 'shop-a.example'

interface Target {
  method: string
  url: string
  body?: Record<string, string>
  /** What the request would change, read from the database. */
  state: () => Promise<unknown>
}

describe('cross-site request guard', () => {
  let core: TestCore
  let a: TestMall
  let b: TestMall
  let operatorId: string
  /** A's owner, logged in on the platform host; its cookie is what a forged request rides on. */
  let owner: TestClient

  function encode(body: Record<string, string> | undefined, encoding: Encoding) {
    if (body === undefined) return {}
    return encoding === 'json'
      ? { body: JSON.stringify(body), contentType: 'application/json' }
      : {
          body: new URLSearchParams(body).toString(),
          contentType: 'application/x-www-form-urlencoded',
        }
  }

  /** One request with exactly the given browser headers, carrying the owner's staff cookie. */
  async function send(
    method: string,
    url: string,
    options: {
      body?: Record<string, string>
      encoding?: Encoding
      headers?: Record<string, string>
      anonymous?: boolean
    },
  ) {
    const { host, pathname, search } = new URL(url)
    const { body, contentType } = encode(options.body, options.encoding ?? 'json')
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return core.app.request(`http://${host}${pathname}${search}`, {
      method,
      headers: {
        host,
        ...(options.anonymous ? {} : { cookie }),
        ...(contentType ? { 'content-type': contentType } : {}),
        ...options.headers,
      },
      ...(body === undefined ? {} : { body }),
    })
  }

  async function mallName(tenantId: string) {
    const row = await core.services.db
      .selectFrom('core__tenant')
      .select('name')
      .where('id', '=', tenantId)
      .executeTakeFirstOrThrow()
    return row.name
  }

  async function staffOfA() {
    return core.services.db
      .selectFrom('core__staff_membership')
      .select(['user_id', 'role'])
      .where('tenant_id', '=', a.id)
      .orderBy('user_id')
      .execute()
  }

  async function customersOfA() {
    return withTenant(core.services.db, a.id, (tx) =>
      tx
        .selectFrom('core__customer')
        .select(['id', 'email'])
        .where('tenant_id', '=', a.id)
        .execute(),
    )
  }

  async function sessionsOf(userId: string) {
    return core.services.db
      .selectFrom('core__staff_session')
      .select('id')
      .where('user_id', '=', userId)
      .execute()
  }

  /** State-changing requests on mall A, one per method, and how to tell whether each wrote. */
  const targets = (): Target[] => [
    {
      method: 'POST',
      url: 'http://localhost/s/a/api/admin/staff',
      body: {
        email: 'csrf@evil.example',
        name: 'Forged',
        password: 'forged-password-1',
        role: 'admin',
      },
      state: staffOfA,
    },
    {
      method: 'PUT',
      url: `http://localhost/s/a/api/admin/staff/${operatorId}`,
      body: { role: 'admin' },
      state: async () => ({ staff: await staffOfA(), sessions: await sessionsOf(operatorId) }),
    },
    {
      method: 'PATCH',
      url: 'http://a.localhost/api/admin/settings',
      body: { name: 'Forged name' },
      state: () => mallName(a.id),
    },
    {
      method: 'DELETE',
      url: `http://localhost/s/a/api/admin/staff/${operatorId}`,
      state: staffOfA,
    },
    {
      method: 'POST',
      url: 'http://a.localhost/api/store/auth/register',
      body: { email: 'forged@evil.example', name: 'Forged', password: 'forged-password-1' },
      state: customersOfA,
    },
  ]

  beforeAll(async () => {
    core = await createTestCore()
    const agency = await core.services.db
      .insertInto('core__agency')
      .values({ name: 'Agency' })
      .returning('id')
      .executeTakeFirstOrThrow()
    a = await core.createMall('a', { agencyId: agency.id })
    b = await core.createMall('b', { agencyId: agency.id })
    const agencyOwner = await ensureStaffUser(core.services.db, {
      email: 'agency@csrf.test',
      name: 'Agency owner',
      password: 'agency-password-1',
    })
    await setMembership(core.services.db, agencyOwner.id, { agencyId: agency.id }, 'owner')
    const agencyConsole = core.client()
    await agencyConsole.loginStaff('agency@csrf.test', 'agency-password-1')
    const mapped = await agencyConsole.post(
      `/api/platform/agencies/${agency.id}/malls/${a.id}/domains`,
      { host: SHOP_DOMAIN },
    )
    expect(mapped.status).toBe(201)

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
    // The operator holds a session, so a forged role change would show as that session ending.
    await core.client().loginStaff('operator@a.test', 'operator-password-1')
  })

  afterAll(() => core?.close())

  describe.each(ATTACKS)('with $name', ({ headers }) => {
    it.each(['json', 'form'] as const)(
      'refuses POST, PUT, PATCH and DELETE sent as %s with 403 and writes nothing',
      async (encoding) => {
        for (const target of targets()) {
          const before = await target.state()
          const response = await send(target.method, target.url, {
            ...(target.body ? { body: target.body } : {}),
            encoding,
            headers,
          })
          const problem = (await response.json()) as { code: string }
          expect([target.method, target.url, response.status, problem.code]).toEqual([
            target.method,
            target.url,
            403,
            'cross_site_request',
          ])
          expect(response.headers.getSetCookie()).toEqual([])
          expect(await target.state()).toEqual(before)
        }
      },
    )

    it('refuses a staff login and sets no cookie', async () => {
      const response = await send('POST', 'http://localhost/api/platform/auth/login', {
        body: { email: a.ownerEmail, password: 'owner-password-1' },
        anonymous: true,
        headers,
      })
      expect(response.status).toBe(403)
      expect(((await response.json()) as { code: string }).code).toBe('cross_site_request')
      expect(response.headers.getSetCookie()).toEqual([])
    })
  })

  it("refuses b.localhost as Origin for mall A on the platform host's /s/a/ path too", async () => {
    const before = await mallName(a.id)
    const response = await send('PATCH', 'http://localhost/s/a/api/admin/settings', {
      body: { name: 'Forged by b' },
      headers: { origin: 'http://b.localhost' },
    })
    expect(response.status).toBe(403)
    expect(await mallName(a.id)).toBe(before)
  })

  it('lets a same-origin login through and sets the cookie', async () => {
    const response = await send('POST', 'http://localhost/api/platform/auth/login', {
      body: { email: a.ownerEmail, password: 'owner-password-1' },
      anonymous: true,
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()).toHaveLength(1)
  })

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, 'Renamed same-origin'],
    ['Origin equal to the Host', { origin: 'http://a.localhost' }, 'Renamed by own origin'],
    ['neither header (a non-browser client)', {}, 'Renamed by a script'],
    [
      "the mall's mapped custom domain as Origin",
      { origin: `https://${SHOP_DOMAIN}` },
      'Renamed from shop',
    ],
  ])('lets a PATCH with %s through', async (_, headers, name) => {
    const response = await send('PATCH', 'http://a.localhost/api/admin/settings', {
      body: { name },
      headers,
    })
    expect(response.status).toBe(200)
    expect(await mallName(a.id)).toBe(name)
  })

  it('lets the custom domain through when it is also the Host', async () => {
    const response = await send('POST', `http://${SHOP_DOMAIN}/api/store/auth/register`, {
      body: { email: 'own-domain@a.test', name: 'Own domain', password: 'shopper-password-1' },
      headers: { origin: `https://${SHOP_DOMAIN}` },
    })
    expect(response.status).toBe(201)
    expect((await customersOfA()).map((c) => c.email)).toContain('own-domain@a.test')
  })

  it("refuses mall A's custom domain as Origin for mall B", async () => {
    const bOwner = core.client()
    await bOwner.loginStaff(b.ownerEmail)
    const before = await mallName(b.id)
    const response = await core.app.request('http://b.localhost/api/admin/settings', {
      method: 'PATCH',
      headers: {
        host: 'b.localhost',
        origin: `https://${SHOP_DOMAIN}`,
        'content-type': 'application/json',
        cookie: [...bOwner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: JSON.stringify({ name: 'Forged from A' }),
    })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { code: string }).code).toBe('cross_site_request')
    expect(await mallName(b.id)).toBe(before)
  })
})
