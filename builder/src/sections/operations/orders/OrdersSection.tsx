import { Show } from 'solid-js'
import type { SectionProps } from '../../section.ts'
import { OrderDetailScreen } from './OrderDetailScreen.tsx'
import { OrderList } from './OrderList.tsx'
import '../shared/operations.css'

/** The order desk: the list, or one order at `/orders/{id}`. */
export default function OrdersSection(p: SectionProps) {
  return (
    <Show when={p.path[0]} keyed fallback={<OrderList {...p} />}>
      {(orderId) => <OrderDetailScreen {...p} orderId={orderId} />}
    </Show>
  )
}
