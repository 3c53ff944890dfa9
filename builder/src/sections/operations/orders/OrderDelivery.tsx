import { Show } from 'solid-js'
import type { OrderDetail } from './order-api.ts'
import { orderText } from './order-strings.ts'

interface AddressSnapshot {
  recipient?: string
  phone?: string
  country?: string
  province?: string
  city?: string
  district?: string
  line1?: string
  line2?: string
  postalCode?: string
}

/** Where the order goes: the address snapshot taken at checkout, or the pickup point. */
export function OrderDelivery(p: { order: OrderDetail }) {
  const address = () => p.order.delivery['address'] as AddressSnapshot | undefined
  const pickup = () =>
    p.order.delivery['pickupPoint'] as { name?: string; address?: string } | undefined
  const lines = (a: AddressSnapshot) =>
    [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ')
  return (
    <section class="ck-card ops-card">
      <h2>{orderText().delivery}</h2>
      <Show when={address()}>
        {(a) => (
          <address class="ops-address">
            <strong>{a().recipient}</strong> {a().phone}
            <br />
            {lines(a())}
            <Show when={a().country && a().country !== 'CN'}>
              {' '}
              {a().postalCode} {a().country}
            </Show>
          </address>
        )}
      </Show>
      <Show when={pickup()}>
        {(point) => (
          <p>
            {orderText().pickup}: <strong>{point().name}</strong> {point().address}
          </p>
        )}
      </Show>
      <Show when={p.order.note}>
        <p>
          {orderText().note}: {p.order.note}
        </p>
      </Show>
    </section>
  )
}
