import { randomBytes } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import { MallError } from '../../../http/errors.ts'
import { definePaymentProvider } from '../provider.ts'
import { verifySandboxSignature } from './sandbox-signature.ts'

/** The sandbox's per-mall config: the webhook secret, generated on first use. */
export const SandboxConfig = z.object({ secret: z.string().min(32).max(200).optional() })
export type SandboxConfig = z.infer<typeof SandboxConfig>

/** The body the simulated gateway posts to `/api/store/payments/sandbox/notify`. */
export const SandboxNotificationBody = z.object({
  id: z.string().min(1).max(100),
  paymentId: z.uuid(),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(['succeeded', 'failed']),
  providerRef: z.string().min(1).max(100),
})
export type SandboxNotificationBody = z.infer<typeof SandboxNotificationBody>

/**
 * A simulated gateway for local development and tests: a hosted pay page on the mall's host,
 * and HMAC-signed, timestamped webhooks. It moves no money; enable it only where that is meant.
 */
export const sandboxProvider = definePaymentProvider<SandboxConfig>({
  name: 'sandbox',
  customerFacing: true,
  configSchema: SandboxConfig,
  secretFields: ['secret'],
  prepareConfig: (config) =>
    config.secret ? null : { ...config, secret: randomBytes(32).toString('base64url') },

  async createPayment({ payment, site }) {
    return { type: 'redirect', url: `${site.prefix}/pay/sandbox/${payment.id}` }
  },

  async handleNotification(request, config, now) {
    if (!config.secret)
      throw new MallError('forbidden', 'The sandbox has no secret in this mall yet')
    const { nonce } = verifySandboxSignature(
      config.secret,
      request.headers.get('x-sandbox-signature') ?? undefined,
      request.rawBody,
      now,
    )
    let json: unknown
    try {
      json = JSON.parse(request.rawBody)
    } catch {
      throw new MallError('malformed_request', 'The notification body is not JSON')
    }
    const parsed = SandboxNotificationBody.safeParse(json)
    if (!parsed.success)
      throw new MallError(
        'malformed_request',
        'The notification body is not a sandbox notification',
        {
          errors: parsed.error.issues.map((i) => ({
            field: ['body', ...i.path].join('.'),
            message: i.message,
          })),
        },
      )
    const body = parsed.data
    return {
      notificationId: body.id,
      deliveryId: nonce,
      providerRef: body.providerRef,
      paymentId: body.paymentId,
      amount: body.amount,
      status: body.status,
      body,
    }
  },

  // The sandbox gateway's own record is our payment row.
  async query(payment) {
    return {
      status: payment.status === 'cancelled' ? 'failed' : payment.status,
      providerRef: payment.providerRef,
    }
  },

  async refund({ refundId }) {
    return { status: 'succeeded', providerRef: `sandbox-refund-${refundId}` }
  },
})
