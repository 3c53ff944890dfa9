import { randomUUID } from 'node:crypto'
import type { MallContext } from '../context.ts'
import type { CoreServices } from '../services.ts'
import type { EventName, MallEvent, MallEvents } from './events.ts'

/** The job kind that delivers one event to one afterCommit hook. */
export const EVENT_HOOK_JOB = 'core:event-hook'

export interface EventHookJob {
  hook: string
  event: MallEvent
}

/**
 * Emits an event in the context's transaction. Inline hooks run now, in order, and may abort the
 * transaction by throwing. AfterCommit hooks are queued as jobs in the same transaction (the
 * outbox), so they run only if it commits, at least once, deduplicated per (event, hook).
 * Hooks of plugins that are off for this mall are skipped.
 */
export async function emitEvent<N extends EventName>(
  services: CoreServices,
  ctx: MallContext,
  name: N,
  payload: MallEvents[N],
): Promise<void> {
  const event: MallEvent<N> = {
    id: randomUUID(),
    name,
    tenantId: ctx.tenant.id,
    occurredAt: ctx.now().toISOString(),
    actor: { kind: ctx.actor.kind, id: 'id' in ctx.actor ? ctx.actor.id : null },
    payload,
  }
  for (const hook of services.plugins.hooksFor(name)) {
    if (hook.pluginId && !(await ctx.isEnabled(hook.pluginId))) continue
    if (hook.definition.mode === 'inline') {
      await hook.definition.handle(ctx, event)
    } else {
      const job: EventHookJob = { hook: hook.id, event }
      await ctx.enqueue(EVENT_HOOK_JOB, job, { dedupKey: `event:${event.id}:${hook.id}` })
    }
  }
}

/**
 * Delivers a queued event to its hook, at most once in effect: the delivery is recorded in the
 * same transaction as the hook's own writes, so a retry after a crash finds it and does nothing.
 */
export async function deliverEventHook(
  services: CoreServices,
  ctx: MallContext,
  job: EventHookJob,
): Promise<void> {
  const hook = services.plugins.hook(job.hook)
  if (!hook) {
    ctx.log.warn({ hook: job.hook }, 'event hook no longer installed; dropping delivery')
    return
  }
  if (hook.pluginId && !(await ctx.isEnabled(hook.pluginId))) return
  const recorded = await ctx.db
    .insertInto('core__event_delivery')
    .values({ tenant_id: ctx.tenant.id, event_id: job.event.id, hook: job.hook })
    .onConflict((oc) => oc.columns(['tenant_id', 'event_id', 'hook']).doNothing())
    .returning('event_id')
    .executeTakeFirst()
  if (!recorded) return
  await hook.definition.handle(ctx, job.event)
}
