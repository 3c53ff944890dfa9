import type { OrderDetail } from '../../../../../core/src/commerce/orders/order-schema.ts'
import type { RefundView } from '../../../../../core/src/commerce/payments/refund-view.ts'
import { api, mallApi } from '../../../app/api.ts'
import type { ListPage } from '../../../kit/ListView.tsx'

export type { OrderDetail, RefundView }
export type OrderStatus = OrderDetail['status']
export type OrderSummary = Pick<
  OrderDetail,
  'id' | 'number' | 'customerId' | 'status' | 'currency' | 'total' | 'placedAt'
>

/** The order statuses in the order a shop works through them. */
export const orderStatuses: readonly OrderStatus[] = [
  'pending_payment',
  'paid',
  'partially_shipped',
  'shipped',
  'received',
  'completed',
  'cancelled',
]

export interface OrderPayments {
  payments: { id: string; provider: string; status: string; amount: number; createdAt: string }[]
  refunds: RefundView[]
}

/** The order desk's calls to the mall's admin API. */
export const orderApi = {
  list: (slug: string, query: URLSearchParams) =>
    api<ListPage<OrderSummary>>(mallApi(slug, `/orders?${query}`)),
  get: (slug: string, id: string) => api<OrderDetail>(mallApi(slug, `/orders/${id}`)),
  payments: (slug: string, id: string) =>
    api<OrderPayments>(mallApi(slug, `/orders/${id}/payments`)),
  ship: (
    slug: string,
    id: string,
    body: {
      carrier: string
      trackingNumber: string
      lines: { lineId: string; quantity: number }[]
    },
  ) => api<OrderDetail>(mallApi(slug, `/orders/${id}/shipments`), { method: 'POST', body }),
  cancel: (slug: string, id: string, reason: string) =>
    api<OrderDetail>(mallApi(slug, `/orders/${id}/cancel`), { method: 'POST', body: { reason } }),
  /** One refund; `key` makes a retry of the same request answer the same refund. */
  refund: (slug: string, id: string, body: { amount: number; reason: string }, key: string) =>
    api<RefundView>(mallApi(slug, `/orders/${id}/refunds`), {
      method: 'POST',
      body,
      headers: { 'idempotency-key': key },
    }),
}

/** What can still be refunded: succeeded payments less pending and succeeded refunds. */
export function refundable(payments: OrderPayments): number {
  const paid = payments.payments
    .filter((p) => p.status === 'succeeded')
    .reduce((sum, p) => sum + p.amount, 0)
  const back = payments.refunds
    .filter((r) => r.status !== 'failed')
    .reduce((sum, r) => sum + r.amount, 0)
  return Math.max(0, paid - back)
}
