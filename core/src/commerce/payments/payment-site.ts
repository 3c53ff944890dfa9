import type { Context } from 'hono'
import type { PaymentSite } from './provider.ts'

/** The mall as this request reached it: its origin, and `/s/{slug}` when served under a prefix. */
export function siteOf(c: Context): PaymentSite {
  const tenant = c.var.tenant
  const url = new URL(c.req.url)
  const host = c.req.header('host') ?? url.host
  return {
    origin: `${url.protocol}//${host}`,
    prefix: c.var.tenantVia === 'path' ? `/s/${tenant.slug}` : '',
    mallName: tenant.name,
  }
}
