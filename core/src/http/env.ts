import type { Logger } from 'pino'
import type { CustomerIdentity, StaffIdentity } from '../auth/index.ts'
import type { Actor, MallContext } from '../context.ts'
import type { Tenant } from '../db/schema.ts'

/** How the request found its mall. `path` means the `/s/{slug}/` prefix on the platform host. */
export type TenantVia = 'domain' | 'subdomain' | 'path'

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string
    log: Logger
    ip: string
    /** The mall the request is for; set by the tenant guard, absent on platform routes. */
    tenant: Tenant
    tenantVia: TenantVia
    staff: StaffIdentity
    customer: CustomerIdentity
    actor: Actor
    /** Runs `work` in one transaction of this mall, as this request's actor. */
    inMall: <T>(work: (ctx: MallContext) => Promise<T>) => Promise<T>
  }
}

/** The Hono environment of the app and of plugin routers. Variables are declared above. */
export type MallEnv = { Variables: object }
