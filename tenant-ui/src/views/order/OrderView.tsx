import { createSignal, For, onMount, Show } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { addressLine } from '../../app/ui/account-address.tsx'
import {
  ConfirmDialog,
  FormMessage,
  formatTime,
  LineThumb,
  PriceSummary,
  specText,
  useAccountText,
} from '../../app/ui/account-kit.tsx'
import { createRemote, requireCustomer } from '../../app/ui/account-remote.ts'
import type { Order, TimelineEntry } from '../../app/ui/account-types.ts'
import { PageBar, RemoteFallback, useCommon } from '../../app/ui/ui.tsx'
import { ApiError, storeApi } from '../../shared/api.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { paths } from '../../shared/routes.ts'
import { orderText } from './messages.ts'

/**
 * One order: its status, the tracking timeline (placed, paid, parcels with carrier and number,
 * received, cancelled), lines, money, delivery, and what the customer can do in its state.
 */
export default function OrderView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(orderText, store.locale)
  const acc = useAccountText()
  const common = useCommon()
  const path = () => `/orders/${p.params.orderId}`
  const order = createRemote<Order>(store.base, async () => {
    await requireCustomer(store.base)
    return storeApi<Order>(store.base, path())
  })
  const [asking, setAsking] = createSignal<'cancel' | 'receive'>()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  onMount(() => void order.reload())

  const act = async () => {
    const action = asking()
    if (!action) return
    setBusy(true)
    setError(undefined)
    try {
      order.set(await storeApi<Order>(store.base, `${path()}/${action}`, { method: 'POST' }))
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status !== 0 ? caught.message : common.networkError,
      )
      await order.reload()
    } finally {
      setBusy(false)
      setAsking(undefined)
    }
  }
  const entryText = (entry: TimelineEntry) =>
    entry.kind === 'shipment'
      ? t.parcel(entry.carrier ?? '', entry.trackingNumber ?? '')
      : t.event[entry.status ?? 'pending_payment']

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <Show
        when={order.data()}
        fallback={
          <RemoteFallback
            remote={order}
            message={order.error()?.status === 404 ? common.notFoundText : undefined}
          />
        }
      >
        {(o) => (
          <div class="mk-acc__body">
            <section class="mk-status-hero" aria-live="polite">
              <strong data-status={o().status}>{acc.status[o().status]}</strong>
              <span>{t.number(o().number)}</span>
              <Show when={o().cancelReason}>
                <span>{t.cancelReason(o().cancelReason!)}</span>
              </Show>
            </section>
            <section class="mk-card" aria-labelledby="order-timeline">
              <h2 id="order-timeline" class="mk-card__title">
                {t.timeline}
              </h2>
              <ol class="mk-timeline">
                <For each={o().timeline}>
                  {(entry) => (
                    <li>
                      <span>{entryText(entry)}</span>
                      <time datetime={entry.at}>{formatTime(entry.at, store.locale)}</time>
                    </li>
                  )}
                </For>
              </ol>
            </section>
            <section class="mk-card" aria-labelledby="order-delivery">
              <h2 id="order-delivery" class="mk-card__title">
                {o().delivery.method === 'pickup' ? t.pickupAt : t.shipTo}
              </h2>
              <Show
                when={o().delivery.method === 'delivery' && o().delivery}
                fallback={
                  <Show when={o().delivery.method === 'pickup' && o().delivery}>
                    {(d) => {
                      const point = () =>
                        (d() as { pickupPoint: { name: string; address: string } }).pickupPoint
                      return (
                        <p>
                          <strong>{point().name}</strong>
                          <br />
                          <span class="mk-muted">{point().address}</span>
                        </p>
                      )
                    }}
                  </Show>
                }
              >
                {(d) => {
                  const a = () =>
                    (d() as Extract<Order['delivery'], { method: 'delivery' }>).address
                  return (
                    <p>
                      <strong>
                        {a().recipient} {a().phone}
                      </strong>
                      <br />
                      <span class="mk-muted">{addressLine(a())}</span>
                    </p>
                  )
                }}
              </Show>
              <Show when={o().note}>
                <p class="mk-muted">
                  {t.note}: {o().note}
                </p>
              </Show>
            </section>
            <section class="mk-card" aria-labelledby="order-items">
              <h2 id="order-items" class="mk-card__title">
                {t.items}
              </h2>
              <ul class="mk-lines">
                <For each={o().lines}>
                  {(line) => (
                    <li class="mk-line">
                      <LineThumb url={line.imageUrl} alt="" />
                      <div class="mk-line__body">
                        <h3 class="mk-line__title">
                          <a href={mallHref(store.base, paths.product(line.productId))}>
                            {pick(line.title, store.locale)}
                          </a>
                        </h3>
                        <span class="mk-muted">{specText(line.spec)}</span>
                        <div class="mk-line__foot">
                          <span class="mk-price">{formatPrice(line.unitPrice)}</span>
                          <span class="mk-muted">× {line.quantity}</span>
                        </div>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <section class="mk-card" aria-labelledby="order-amounts">
              <h2 id="order-amounts" class="mk-card__title">
                {t.amounts}
              </h2>
              <PriceSummary
                subtotal={o().subtotal}
                adjustments={o().adjustments}
                shippingFee={o().shippingFee}
                total={o().total}
              />
              <p class="mk-muted">
                {t.placedAt}: {formatTime(o().placedAt, store.locale)}
              </p>
            </section>
            <FormMessage text={error()} />
            <Show when={['pending_payment', 'shipped'].includes(o().status)}>
              <div class="mk-actionbar">
                <Show when={o().status === 'pending_payment'}>
                  <button
                    type="button"
                    class="mk-button mk-button--ghost"
                    onClick={() => setAsking('cancel')}
                  >
                    {t.cancel}
                  </button>
                  <a class="mk-button" href={mallHref(store.base, paths.pay(o().id))}>
                    {t.pay} {formatPrice(o().total)}
                  </a>
                </Show>
                <Show when={o().status === 'shipped'}>
                  <button type="button" class="mk-button" onClick={() => setAsking('receive')}>
                    {t.receive}
                  </button>
                </Show>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <ConfirmDialog
        open={asking() !== undefined}
        title={asking() === 'cancel' ? t.cancelTitle : t.receiveTitle}
        text={asking() === 'cancel' ? t.cancelText : t.receiveText}
        confirmLabel={asking() === 'cancel' ? t.cancel : t.receive}
        busy={busy()}
        onConfirm={() => void act()}
        onClose={() => setAsking(undefined)}
      />
    </main>
  )
}
