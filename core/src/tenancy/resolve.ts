import type { Config } from '../config/env.ts'
import type { Db } from '../db/create-db.ts'
import type { Tenant } from '../db/schema.ts'
import type { TenantVia } from '../http/env.ts'
import type { CoreServices } from '../services.ts'

export type Resolution =
  | { kind: 'tenant'; tenant: Tenant; via: TenantVia }
  | { kind: 'platform' }
  | { kind: 'unknown'; detail: string }

const PATH_PREFIX = /^\/s\/([a-z0-9-]{1,63})(?=\/|$)/

/** The host without its port, lowercased (`Demo.LocalHost:3000` → `demo.localhost`). */
export function hostName(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase()
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  return host.replace(/:\d+$/, '')
}

/** Whether `host` is the platform's own host, where `/s/{slug}/` paths and the console live. */
export function isPlatformHost(host: string, config: Config): boolean {
  if (host === config.MALLKIT_BASE_DOMAIN || host === 'localhost') return true
  if (config.MALLKIT_PUBLIC_URL && host === hostName(new URL(config.MALLKIT_PUBLIC_URL).host))
    return true
  // IP literals: load balancer and Kubernetes probes address the pod directly.
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** The mall slug of a `/s/{slug}/…` path, if it has one. */
export function pathSlug(path: string): string | undefined {
  return PATH_PREFIX.exec(path)?.[1]
}

/** The path with any `/s/{slug}` prefix removed (`/s/demo/api/x` → `/api/x`). */
export function stripPathPrefix(path: string): string {
  return path.replace(PATH_PREFIX, '') || '/'
}

/**
 * Finds the mall a request is for, in order: exact custom domain, `{slug}.{base domain}`, then the
 * `/s/{slug}/` prefix on the platform host. Anything else is unknown and fails closed: there is
 * never a fallback to another mall. Answers are cached per process until a mall or domain changes
 * (`tenant-cache.ts`).
 */
export async function resolveTenant(
  services: Pick<CoreServices, 'db' | 'config' | 'caches'>,
  host: string,
  path: string,
): Promise<Resolution> {
  const { db, config } = services
  const cache = services.caches?.tenants
  if (!cache) return lookUp(db, config, host, path)
  // The path matters only on the platform host; elsewhere one key per host.
  const key = isPlatformHost(host, config) ? `${host} ${pathSlug(path) ?? ''}` : host
  const cached = cache.get(key)
  if (cached) return cached
  const ticket = cache.ticket()
  const resolution = await lookUp(db, config, host, path)
  cache.set(ticket, key, resolution)
  return resolution
}

async function lookUp(db: Db, config: Config, host: string, path: string): Promise<Resolution> {
  const byDomain = await db
    .selectFrom('core__tenant_domain')
    .innerJoin('core__tenant', 'core__tenant.id', 'core__tenant_domain.tenant_id')
    .selectAll('core__tenant')
    .where('core__tenant_domain.host', '=', host)
    .executeTakeFirst()
  if (byDomain) return { kind: 'tenant', tenant: byDomain, via: 'domain' }

  const suffix = `.${config.MALLKIT_BASE_DOMAIN}`
  if (host.endsWith(suffix)) {
    const slug = host.slice(0, -suffix.length)
    return bySlug(db, slug, 'subdomain')
  }
  if (isPlatformHost(host, config)) {
    const slug = pathSlug(path)
    return slug ? bySlug(db, slug, 'path') : { kind: 'platform' }
  }
  return { kind: 'unknown', detail: `No mall is served at ${host}` }
}

async function bySlug(db: Db, slug: string, via: TenantVia): Promise<Resolution> {
  const tenant = /^[a-z0-9-]{1,63}$/.test(slug)
    ? await db.selectFrom('core__tenant').selectAll().where('slug', '=', slug).executeTakeFirst()
    : undefined
  return tenant
    ? { kind: 'tenant', tenant, via }
    : { kind: 'unknown', detail: `No mall is called "${slug}"` }
}
