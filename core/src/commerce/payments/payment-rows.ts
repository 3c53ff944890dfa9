import type { MallContext } from '../../context.ts'
import { MallError } from '../../http/errors.ts'
import type { PaymentRecord } from './provider.ts'

/** A `core__payment` row as providers see it. */
export function toPaymentRecord(row: {
  id: string
  order_id: string
  amount: number
  currency: string
  status: PaymentRecord['status']
  provider_ref: string | null
}): PaymentRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    providerRef: row.provider_ref,
  }
}

/** One payment of this mall, locked for update when `lock`; 404 naming `field` if unknown. */
export async function findPayment(
  ctx: MallContext,
  paymentId: string,
  options: { provider?: string; lock?: boolean; field?: string } = {},
) {
  let query = ctx.db
    .selectFrom('core__payment')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', paymentId)
  if (options.provider) query = query.where('provider', '=', options.provider)
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst()
  if (!row)
    throw new MallError('not_found', 'No such payment in this mall', {
      errors: [{ field: options.field ?? 'path.paymentId', message: 'unknown payment' }],
    })
  return row
}

/** An order's payments, oldest first. */
export function paymentsOfOrder(ctx: MallContext, orderId: string) {
  return ctx.db
    .selectFrom('core__payment')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .execute()
}
