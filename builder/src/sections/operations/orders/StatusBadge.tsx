import type { OrderStatus } from './order-api.ts'
import { orderText } from './order-strings.ts'

/** An order's status as a coloured badge. */
export function StatusBadge(p: { status: OrderStatus }) {
  return (
    <span class={`ck-badge ops-status ops-status--${p.status}`} data-status={p.status}>
      {orderText().status[p.status]}
    </span>
  )
}
