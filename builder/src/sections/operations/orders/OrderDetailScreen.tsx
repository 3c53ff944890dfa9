import { createResource, createSignal, Show } from 'solid-js'
import { ApiError } from '../../../app/api.ts'
import { formatMoney } from '../../../kit/money.ts'
import type { SectionProps } from '../../section.ts'
import { BackLink } from '../shared/BackLink.tsx'
import { formatTime } from '../shared/format.ts'
import { opsText } from '../shared/strings.ts'
import { CancelForm } from './CancelForm.tsx'
import { orderApi, refundable, type OrderDetail } from './order-api.ts'
import { orderText } from './order-strings.ts'
import { OrderDelivery } from './OrderDelivery.tsx'
import { OrderLines } from './OrderLines.tsx'
import { OrderPaymentsCard, OrderTimeline } from './OrderTimeline.tsx'
import { RefundForm } from './RefundForm.tsx'
import { ShipForm } from './ShipForm.tsx'
import { StatusBadge } from './StatusBadge.tsx'

/** One order: lines, delivery, payments, timeline, and the actions its status allows. */
export function OrderDetailScreen(p: SectionProps & { orderId: string }) {
  const [order, { mutate, refetch }] = createResource(
    () => p.orderId,
    (id) => orderApi.get(p.slug, id),
  )
  const [payments, paymentsControl] = createResource(
    () => p.orderId,
    (id) => orderApi.payments(p.slug, id),
  )
  const [notice, setNotice] = createSignal('')
  const canManage = () => p.permissions.has('core:orders.manage')
  const updated = (next: OrderDetail, says: string) => {
    mutate(next)
    void paymentsControl.refetch()
    setNotice(says)
  }
  const missing = () => order.error instanceof ApiError && order.error.problem.status === 404

  return (
    <div class="ops-detail">
      <BackLink href={p.href([])} go={() => p.go([])} />
      <Show
        when={!order.error}
        fallback={<p class="ck-notice">{missing() ? opsText().notFound : opsText().loadFailed}</p>}
      >
        <Show when={order()}>
          {(current) => (
            <>
              <header class="ops-detail__head">
                <h2>
                  {orderText().number} {current().number}
                </h2>
                <StatusBadge status={current().status} />
                <span class="ck-muted">{formatTime(current().placedAt)}</span>
                <strong class="ops-detail__total">
                  {formatMoney(current().total, current().currency)}
                </strong>
              </header>
              <Show when={notice()}>
                <p class="ck-notice" role="status">
                  {notice()}
                </p>
              </Show>
              <div class="ops-detail__grid">
                <div class="ops-detail__main">
                  <OrderLines order={current()} />
                  <OrderTimeline order={current()} />
                </div>
                <div class="ops-detail__side">
                  <Show when={!canManage()}>
                    <p class="ck-muted">{orderText().viewOnly}</p>
                  </Show>
                  <Show
                    when={
                      canManage() &&
                      (current().status === 'paid' || current().status === 'partially_shipped')
                    }
                  >
                    <ShipForm
                      slug={p.slug}
                      order={current()}
                      onShipped={(next) => updated(next, orderText().shippedOk)}
                    />
                  </Show>
                  <Show when={canManage() && current().status === 'pending_payment'}>
                    <CancelForm
                      slug={p.slug}
                      order={current()}
                      onCancelled={(next) => updated(next, orderText().cancelledOk)}
                    />
                  </Show>
                  <Show when={(canManage() && payments() && refundable(payments()!)) || 0} keyed>
                    {(max) => (
                      <RefundForm
                        slug={p.slug}
                        order={current()}
                        max={max}
                        onRefunded={(refund) => {
                          setNotice(
                            orderText().refundedOk(formatMoney(refund.amount, current().currency)),
                          )
                          void refetch()
                          void paymentsControl.refetch()
                        }}
                      />
                    )}
                  </Show>
                  <OrderDelivery order={current()} />
                  <OrderPaymentsCard order={current()} payments={payments()} />
                </div>
              </div>
            </>
          )}
        </Show>
      </Show>
    </div>
  )
}
