import { z } from 'zod'
import type { MallContext } from '../../context.ts'
import type { PluginHost } from '../../plugins/host.ts'
import { commerceSettings, DAY_MS } from './commerce-settings.ts'
import { cancelOrder, transitionOrder } from './order-state.ts'
import { ORDER_EXPIRE_JOB } from './place-order.ts'

/** Confirms receipt automatically this many days after the order shipped. */
export const ORDER_AUTO_RECEIVE_JOB = 'core:order-auto-receive'
/** Completes an order when the return window after receipt has closed. */
export const ORDER_COMPLETE_JOB = 'core:order-complete'

const Payload = z.object({ orderId: z.uuid() })

async function statusOf(ctx: MallContext, orderId: string) {
  const row = await ctx.db
    .selectFrom('core__order')
    .select(['status', 'expires_at'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', orderId)
    .executeTakeFirst()
  return row
}

/** Schedules the automatic receipt of a shipped order after the mall's auto-confirm days. */
export async function scheduleAutoReceive(ctx: MallContext, orderId: string): Promise<void> {
  const { autoReceiveDays } = await commerceSettings(ctx)
  const runAt = new Date(ctx.now().getTime() + autoReceiveDays * DAY_MS)
  await ctx.enqueue(
    ORDER_AUTO_RECEIVE_JOB,
    { orderId },
    { runAt, dedupKey: `${ORDER_AUTO_RECEIVE_JOB}:${orderId}` },
  )
}

/**
 * Confirms receipt of a shipped order (by the customer or automatically) and schedules its
 * completion when the return window closes. Returns false when it was already received.
 */
export async function receiveOrder(
  ctx: MallContext,
  orderId: string,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  const moved = await transitionOrder(ctx, orderId, 'received', data)
  if (!moved) return false
  const { completeDays } = await commerceSettings(ctx)
  const runAt = new Date(ctx.now().getTime() + completeDays * DAY_MS)
  await ctx.enqueue(
    ORDER_COMPLETE_JOB,
    { orderId },
    { runAt, dedupKey: `${ORDER_COMPLETE_JOB}:${orderId}` },
  )
  return true
}

/**
 * Registers the order timers as core jobs. Each re-checks the order when it runs, so a job for an
 * order that moved on meanwhile (paid, received by hand, cancelled) does nothing.
 */
export function registerOrderJobs(plugins: PluginHost): void {
  plugins.registerCoreJob(ORDER_EXPIRE_JOB.slice('core:'.length), {
    async handle(ctx, payload) {
      const { orderId } = Payload.parse(payload)
      const order = await statusOf(ctx, orderId)
      if (order?.status !== 'pending_payment' || !order.expires_at || order.expires_at > ctx.now())
        return
      await cancelOrder(ctx, orderId, 'expired: not paid in time', { unpaidOnly: true })
    },
  })
  plugins.registerCoreJob(ORDER_AUTO_RECEIVE_JOB.slice('core:'.length), {
    async handle(ctx, payload) {
      const { orderId } = Payload.parse(payload)
      if ((await statusOf(ctx, orderId))?.status !== 'shipped') return
      await receiveOrder(ctx, orderId, { automatic: true })
    },
  })
  plugins.registerCoreJob(ORDER_COMPLETE_JOB.slice('core:'.length), {
    async handle(ctx, payload) {
      const { orderId } = Payload.parse(payload)
      if ((await statusOf(ctx, orderId))?.status !== 'received') return
      await transitionOrder(ctx, orderId, 'completed', { automatic: true })
    },
  })
}
