import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Actor, MallContext } from './context.ts'
import { appendAudit } from './db/audit-log.ts'
import type { Tenant } from './db/schema.ts'
import { withTenant, type TenantTx } from './db/tenant-scope.ts'
import { emitEvent } from './events/bus.ts'
import { MallError } from './http/errors.ts'
import { enqueueJob } from './jobs/queue.ts'
import { savedSettings } from './plugins/contract.ts'
import { segmentDirectory } from './plugins/segments.ts'
import type { CoreServices } from './services.ts'

export interface MallScope {
  tenant: Tenant
  actor: Actor
  log?: Logger | undefined
  requestId?: string | undefined
  ip?: string | undefined
}

/**
 * Runs `work` as one unit of work in one mall: a tenant-scoped transaction, the actor, and the
 * emit / enqueue / audit capabilities bound to that transaction. Everything commits together,
 * or nothing does.
 */
export function runInMall<T>(
  services: CoreServices,
  scope: MallScope,
  work: (ctx: MallContext) => Promise<T>,
): Promise<T> {
  return withTenant(services.db, scope.tenant.id, (tx) =>
    work(createMallContext(services, tx, scope)),
  )
}

/** Builds the context over an open tenant transaction. */
export function createMallContext(
  services: CoreServices,
  tx: TenantTx,
  scope: MallScope,
): MallContext {
  const log = (scope.log ?? services.log).child({ tenant: scope.tenant.slug })
  const ctx: MallContext = {
    tenant: scope.tenant,
    actor: scope.actor,
    db: tx,
    log,
    requestId: scope.requestId,
    ip: scope.ip,
    now: () => services.clock.now(),
    can: (permission) =>
      scope.actor.kind === 'system' ||
      (scope.actor.kind === 'staff' && scope.actor.permissions.has(permission)),
    require(permission) {
      if (!ctx.can(permission))
        throw new MallError('forbidden', `This needs the permission ${permission}`)
    },
    emit: (name, payload) => emitEvent(services, ctx, name, payload),
    enqueue: (kind, payload, options = {}) =>
      enqueueJob(tx, {
        kind,
        tenantId: scope.tenant.id,
        payload,
        dedupKey: options.dedupKey,
        // Due by the core's clock, the one the worker claims by, not the database's `now()`.
        runAt: options.runAt ?? services.clock.now(),
        maxAttempts: options.maxAttempts ?? services.plugins.job(kind)?.definition.maxAttempts,
      }),
    // Not cached: enabling a plugin and emitting in one transaction must see the new state.
    isEnabled: async (pluginId) => {
      const row = await tx
        .selectFrom('core__plugin_install')
        .select('enabled')
        .where('tenant_id', '=', scope.tenant.id)
        .where('plugin_id', '=', pluginId)
        .executeTakeFirst()
      return row?.enabled ?? false
    },
    settingsOf: async <M extends { id: string; settings: z.ZodType }>(manifest: M) => {
      const row = await tx
        .selectFrom('core__plugin_install')
        .select('settings')
        .where('tenant_id', '=', scope.tenant.id)
        .where('plugin_id', '=', manifest.id)
        .executeTakeFirst()
      return savedSettings(manifest.settings, row?.settings) as z.infer<M['settings']>
    },
    segments: segmentDirectory(services.plugins, () => ctx),
    audit: (action, target = null, data = {}) =>
      appendAudit(tx, {
        tenantId: scope.tenant.id,
        actorKind:
          scope.actor.kind === 'staff' || scope.actor.kind === 'customer'
            ? scope.actor.kind
            : 'system',
        actorId: 'id' in scope.actor ? scope.actor.id : null,
        action,
        target,
        data,
        ip: scope.ip,
        requestId: scope.requestId,
      }),
  }
  return ctx
}
