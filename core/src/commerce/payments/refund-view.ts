import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'

/** A refund as the admin API shows it. */
export interface RefundView {
  id: string
  orderId: string
  paymentId: string
  amount: number
  status: 'pending' | 'succeeded' | 'failed'
  reason: string
  providerRef: string | null
  createdAt: string
}

/** One refund of this mall; 404 if unknown. */
export async function findRefund(ctx: MallContext, refundId: string): Promise<RefundView> {
  const row = await ctx.db
    .selectFrom('core__refund')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', refundId)
    .executeTakeFirst()
  if (!row) throw new MallError('not_found', 'No such refund in this mall')
  return toRefundView(row)
}

/** The admin view of a `core__refund` row. */
export function toRefundView(row: {
  id: string
  order_id: string
  payment_id: string
  amount: number
  status: RefundView['status']
  reason: string
  provider_ref: string | null
  created_at: Date
}): RefundView {
  return {
    id: row.id,
    orderId: row.order_id,
    paymentId: row.payment_id,
    amount: Number(row.amount),
    status: row.status,
    reason: row.reason,
    providerRef: row.provider_ref,
    createdAt: row.created_at.toISOString(),
  }
}
