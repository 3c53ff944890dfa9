import pino from 'pino'
import { bootCore, type Core } from '../src/boot.ts'
import { ManualClock } from '../src/clock.ts'
import { loadConfig, type Config } from '../src/config/env.ts'
import type { MigrationSet } from '../src/db/migrator.ts'
import { PluginHost } from '../src/plugins/host.ts'
import { CORE_VERSION } from '../src/version.ts'
import { ensurePlans } from '../src/demo/seed.ts'
import type { BlockManifest, PluginServer } from '../src/plugins/contract.ts'
import { createMall, ensureStaffUser, setMembership } from '../src/tenancy/tenants.ts'
import { createTestDb } from './db.ts'

export interface TestCore extends Core {
  clock: ManualClock
  /** Calls the app like a browser on `host` would (same-origin headers), keeping cookies. */
  client(host?: string): TestClient
  /** Creates a mall with an owner (password `owner-password-1`); returns ids and hosts. */
  createMall(slug: string, options?: { agencyId?: string; planId?: string }): Promise<TestMall>
}

export interface TestMall {
  id: string
  slug: string
  ownerEmail: string
  ownerId: string
  /** `{slug}.localhost`, the mall's own host. */
  host: string
}

export const OWNER_PASSWORD = 'owner-password-1'

/**
 * Boots the real core on a fresh test database (PGlite, or PostgreSQL on the `test:pg` leg) with
 * a manual clock and silent logs. Extra plugins are installed and migrated.
 */
export async function createTestCore(
  options: {
    plugins?: readonly PluginServer[]
    config?: Partial<Record<keyof Config, string>>
    /** The core's storefront blocks (`core/<name>`), as tenant-ui would pass them. */
    coreBlocks?: Record<string, BlockManifest>
  } = {},
): Promise<TestCore> {
  const plugins = options.plugins ?? []
  // Dependency order, as bootCore migrates (and a bad plugin set fails here the same way).
  const sets: MigrationSet[] = new PluginHost(plugins, CORE_VERSION).migrationSets()
  const database = await createTestDb(sets)
  const clock = new ManualClock(new Date())
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.config })
  const core = await bootCore({
    config,
    plugins,
    clock,
    database,
    skipMigrations: true,
    ...(options.coreBlocks ? { coreBlocks: options.coreBlocks } : {}),
    log: pino({ level: 'silent' }),
  })
  await ensurePlans(core.services.db)
  return {
    ...core,
    clock,
    client: (host = 'localhost') => new TestClient(core, host),
    async createMall(slug, mallOptions = {}) {
      const ownerEmail = `owner@${slug}.test`
      const tenant = await createMall(
        core.services.db,
        {
          slug,
          name: `Mall ${slug}`,
          defaultLocale: 'en',
          currency: 'CNY',
          timezone: 'Asia/Shanghai',
          planId: mallOptions.planId ?? 'standard',
          owner: { email: ownerEmail, name: `Owner of ${slug}`, password: OWNER_PASSWORD },
        },
        mallOptions.agencyId ?? null,
      )
      const owner = await ensureStaffUser(core.services.db, {
        email: ownerEmail,
        name: '',
        password: OWNER_PASSWORD,
      })
      return { id: tenant.id, slug, ownerEmail, ownerId: owner.id, host: `${slug}.localhost` }
    },
  }
}

/** Re-exported for tests that set up agencies. */
export { ensureStaffUser, setMembership }

/** A cookie-keeping client over `app.request()`, sending what a same-origin browser sends. */
export class TestClient {
  readonly cookies = new Map<string, string>()
  constructor(
    private readonly core: Core,
    readonly host: string,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const init: RequestInit = {
      method,
      headers: {
        host: this.host,
        ...(method === 'GET' || method === 'HEAD' ? {} : { 'sec-fetch-site': 'same-origin' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    }
    const response = await this.core.app.request(`http://${this.host}${path}`, init)
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (/max-age=0/i.test(cookie) || value === '') this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    return response
  }

  get = (path: string, headers?: Record<string, string>) =>
    this.request('GET', path, undefined, headers)
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers)
  put = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PUT', path, body ?? {}, headers)
  patch = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', path, body ?? {}, headers)
  delete = (path: string, headers?: Record<string, string>) =>
    this.request('DELETE', path, undefined, headers)

  /** Staff login on this client's host. */
  async loginStaff(email: string, password = OWNER_PASSWORD) {
    const response = await this.post('/api/platform/auth/login', { email, password })
    if (response.status !== 200)
      throw new Error(`staff login failed: ${response.status} ${await response.text()}`)
    return response
  }
}
