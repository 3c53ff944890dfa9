import { randomUUID } from 'node:crypto'
import type { MallContext } from '../../../context.ts'
import { MallError } from '../../../http/errors.ts'
import type { NotificationOutcome } from '../apply-notification.ts'
import { findPayment } from '../payment-rows.ts'
import { notificationConfig } from '../provider-config.ts'
import { receiveNotification } from '../receive-notification.ts'
import { sandboxProvider, type SandboxNotificationBody } from './sandbox-provider.ts'
import { signSandboxNotification } from './sandbox-signature.ts'

type InMall = <T>(work: (ctx: MallContext) => Promise<T>) => Promise<T>

/**
 * The simulated gateway's side of "the customer pressed Pay (or Fail)": it builds the signed,
 * timestamped notification a real gateway would post and delivers it in-process to the same
 * verification and application the notify endpoint uses. A payment no longer pending is left
 * alone (`already-final`).
 */
export async function completeSandboxPayment(
  inMall: InMall,
  paymentId: string,
  outcome: 'pay' | 'fail',
): Promise<NotificationOutcome | 'already-final'> {
  const prepared = await inMall(async (ctx) => {
    const payment = await findPayment(ctx, paymentId, { provider: 'sandbox' })
    if (payment.status !== 'pending') return null
    const config = await notificationConfig(ctx, sandboxProvider)
    if (!config.secret) throw new MallError('conflict', 'The sandbox has no secret in this mall')
    const body: SandboxNotificationBody = {
      id: `sbx-${randomUUID()}`,
      paymentId: payment.id,
      amount: Number(payment.amount),
      status: outcome === 'pay' ? 'succeeded' : 'failed',
      providerRef: `sandbox-${payment.id.slice(0, 8)}`,
    }
    const rawBody = JSON.stringify(body)
    const signature = signSandboxNotification(config.secret, rawBody, {
      timestamp: Math.floor(ctx.now().getTime() / 1000),
    })
    return { rawBody, signature }
  })
  if (!prepared) return 'already-final'
  const headers = new Headers({
    'content-type': 'application/json',
    'x-sandbox-signature': prepared.signature,
  })
  return receiveNotification(inMall, sandboxProvider, { headers, rawBody: prepared.rawBody })
}
