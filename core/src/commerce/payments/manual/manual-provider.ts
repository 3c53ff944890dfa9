import { z } from '@hono/zod-openapi'
import { MallError } from '../../../http/errors.ts'
import { definePaymentProvider } from '../provider.ts'

/** Manual payments need no configuration; the row only records whether the mall offers them. */
export const ManualConfig = z.object({
  instructions: z.string().max(2000).optional(),
})
export type ManualConfig = z.infer<typeof ManualConfig>

/**
 * Cash on delivery and bank transfer: money moves outside Mallkit and staff record it
 * (`POST /api/admin/orders/{orderId}/payments/manual`); refunds are recorded the same way.
 */
export const manualProvider = definePaymentProvider<ManualConfig>({
  name: 'manual',
  customerFacing: false,
  configSchema: ManualConfig,
  secretFields: [],

  async createPayment() {
    throw new MallError('validation_failed', 'Manual payments are recorded by staff', {
      errors: [{ field: 'body.provider', message: 'recorded by staff, not started by customers' }],
    })
  },

  async handleNotification() {
    throw new MallError('not_found', 'Manual payments have no notifications')
  },

  async query(payment) {
    return {
      status: payment.status === 'cancelled' ? 'failed' : payment.status,
      providerRef: payment.providerRef,
    }
  },

  // The money goes back by hand; recording it is the refund.
  async refund({ refundId }) {
    return { status: 'succeeded', providerRef: `manual-refund-${refundId}` }
  },
})
