import { For, Show } from 'solid-js'
import { formatMoney } from '../../../kit/money.ts'
import { formatTime } from '../shared/format.ts'
import type { OrderDetail, OrderPayments } from './order-api.ts'
import { orderText } from './order-strings.ts'

/** The order's payments and refunds. */
export function OrderPaymentsCard(p: { order: OrderDetail; payments: OrderPayments | undefined }) {
  const money = (minor: number) => formatMoney(minor, p.order.currency)
  return (
    <section class="ck-card ops-card">
      <h2>{orderText().payments}</h2>
      <Show
        when={(p.payments?.payments.length ?? 0) > 0}
        fallback={<p class="ck-muted">{orderText().noPayments}</p>}
      >
        <ul class="ops-plain">
          <For each={p.payments?.payments}>
            {(payment) => (
              <li>
                {money(payment.amount)} · {payment.provider} · {payment.status} ·{' '}
                {formatTime(payment.createdAt)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={(p.payments?.refunds.length ?? 0) > 0}>
        <h3>{orderText().refunds}</h3>
        <ul class="ops-plain" data-testid="refunds">
          <For each={p.payments?.refunds}>
            {(refund) => (
              <li>
                {money(refund.amount)} · {orderText().refundStatus[refund.status]}
                <Show when={refund.reason}> · {refund.reason}</Show> ·{' '}
                {formatTime(refund.createdAt)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}

/** What happened to the order, oldest first: status changes and parcels. */
export function OrderTimeline(p: { order: OrderDetail }) {
  return (
    <section class="ck-card ops-card">
      <h2>{orderText().timeline}</h2>
      <ol class="ops-timeline">
        <For each={p.order.timeline}>
          {(entry) => (
            <li>
              <time datetime={entry.at}>{formatTime(entry.at)}</time>{' '}
              <Show
                when={entry.kind === 'shipment'}
                fallback={
                  <>
                    {entry.status ? orderText().status[entry.status] : ''}
                    <Show when={entry.actor}>
                      {(actor) => <span class="ck-muted"> · {orderText().byActor[actor()]}</span>}
                    </Show>
                  </>
                }
              >
                {orderText().parcel(entry.carrier ?? '', entry.trackingNumber ?? '')}
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={p.order.cancelReason}>
        <p class="ck-muted">{p.order.cancelReason}</p>
      </Show>
    </section>
  )
}
