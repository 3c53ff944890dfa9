import type { MallContext } from '../../context.ts'
import { applyNotification, type NotificationOutcome } from './apply-notification.ts'
import { notificationConfig } from './provider-config.ts'
import type { NotificationRequest, PaymentProvider } from './provider.ts'

type InMall = <T>(work: (ctx: MallContext) => Promise<T>) => Promise<T>

/**
 * Verifies and applies one provider notification in one tenant transaction: the provider checks
 * signature, clock window and content against the mall's config, then the notification is
 * recorded and applied. Any refusal throws a 4xx and rolls everything back. The notify
 * endpoints and the sandbox's in-process gateway both come through here.
 */
export function receiveNotification(
  inMall: InMall,
  provider: PaymentProvider,
  request: NotificationRequest,
): Promise<NotificationOutcome> {
  return inMall(async (ctx) => {
    const config = await notificationConfig(ctx, provider)
    const verified = await provider.handleNotification(request, config, ctx.now())
    return applyNotification(ctx, provider.name, verified)
  })
}
