import { createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { FormMessage, useAccountText } from '../../app/ui/account-kit.tsx'
import { createRemote, requireCustomer, toLogin } from '../../app/ui/account-remote.ts'
import type { NextStep, Order } from '../../app/ui/account-types.ts'
import { Loading, PageBar, RemoteFallback, useCommon } from '../../app/ui/ui.tsx'
import { ApiError, storeApi } from '../../shared/api.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { payText } from './messages.ts'

const POLL_MS = 2000
const POLL_FOR_MS = 60_000

interface PayData {
  order: Order
  methods: string[]
}

/**
 * Paying an order: the amount and the time left, a payment method, then the provider's next
 * step (the sandbox's hosted page). Coming back with `?payment=` it polls until the order is
 * paid or the payment failed.
 */
export default function PayView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(payText, store.locale)
  const acc = useAccountText()
  const common = useCommon()
  const orderPath = () => `/orders/${p.params.orderId}`
  const loadOrder = () => storeApi<Order>(store.base, orderPath())
  const data = createRemote<PayData>(store.base, async () => {
    await requireCustomer(store.base)
    const [order, methods] = await Promise.all([
      loadOrder(),
      storeApi<{ items: { provider: string }[] }>(store.base, '/payment-methods'),
    ])
    return { order, methods: methods.items.map((m) => m.provider) }
  })
  const [provider, setProvider] = createSignal<string>()
  const [now, setNow] = createSignal(Date.now())
  const [phase, setPhase] = createSignal<'idle' | 'starting' | 'checking' | 'waiting'>('idle')
  const [failed, setFailed] = createSignal(false)
  const [qr, setQr] = createSignal<string>()
  const [error, setError] = createSignal<string>()

  let timer: ReturnType<typeof setInterval> | undefined
  let poll: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => {
    clearInterval(timer)
    clearTimeout(poll)
  })

  /** Asks until the order leaves "to pay" or the payment fails, for at most a minute. */
  const watch = (paymentId: string) => {
    setPhase('checking')
    const until = Date.now() + POLL_FOR_MS
    const tick = async () => {
      try {
        const [order, payment] = await Promise.all([
          loadOrder(),
          storeApi<{ status: string }>(store.base, `/payments/${paymentId}`),
        ])
        const current = data.data()
        if (current) data.set({ ...current, order })
        if (order.status !== 'pending_payment') return setPhase('idle')
        if (payment.status === 'failed' || payment.status === 'cancelled') {
          setQr(undefined)
          setFailed(true)
          return setPhase('idle')
        }
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 401) return toLogin(store.base)
      }
      if (Date.now() > until) return setPhase('waiting')
      poll = setTimeout(() => void tick(), POLL_MS)
    }
    void tick()
  }

  onMount(async () => {
    timer = setInterval(() => setNow(Date.now()), 1000)
    await data.reload()
    const loaded = data.data()
    if (!loaded) return
    const wanted = p.query.provider
    setProvider(wanted && loaded.methods.includes(wanted) ? wanted : loaded.methods[0])
    if (p.query.payment && loaded.order.status === 'pending_payment') watch(p.query.payment)
  })

  const start = async () => {
    const chosen = provider()
    if (!chosen || phase() === 'starting') return
    setPhase('starting')
    setFailed(false)
    setError(undefined)
    try {
      const started = await storeApi<{ paymentId: string; next: NextStep }>(
        store.base,
        `${orderPath()}/payments`,
        { method: 'POST', body: { provider: chosen } },
      )
      const next = started.next
      if (next.type === 'redirect') return window.location.assign(next.url)
      if (next.type === 'qr_code') {
        setQr(next.content)
        return watch(started.paymentId)
      }
      setError(t.unsupported)
      setPhase('idle')
    } catch (caught) {
      setPhase('idle')
      if (caught instanceof ApiError && caught.status === 401) return toLogin(store.base)
      if (caught instanceof ApiError && caught.status === 409) return void data.reload()
      setError(
        caught instanceof ApiError && caught.status !== 0 ? caught.message : common.networkError,
      )
    }
  }

  const left = (o: Order) => (o.expiresAt ? new Date(o.expiresAt).getTime() - now() : undefined)
  const orderHref = () => mallHref(store.base, paths.order(p.params.orderId!))

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <Show when={data.data()} fallback={<RemoteFallback remote={data} />}>
        {(d) => (
          <div class="mk-acc__body">
            <Switch>
              <Match when={d().order.status === 'cancelled'}>
                <section class="mk-card mk-center" role="status">
                  <h2 class="mk-card__title">{t.cancelledTitle}</h2>
                  <p class="mk-muted">{t.cancelledText}</p>
                  <a class="mk-button" href={orderHref()}>
                    {t.viewOrder}
                  </a>
                </section>
              </Match>
              <Match when={d().order.status !== 'pending_payment'}>
                <section class="mk-card mk-center" role="status" data-paid="true">
                  <h2 class="mk-card__title">{t.paidTitle}</h2>
                  <p class="mk-big-amount">{formatPrice(d().order.total)}</p>
                  <p class="mk-muted">{t.paidText}</p>
                  <div class="mk-form__actions" style={{ 'justify-content': 'center' }}>
                    <a class="mk-button mk-button--ghost" href={mallHref(store.base, paths.home())}>
                      {t.keepShopping}
                    </a>
                    <a class="mk-button" href={orderHref()}>
                      {t.viewOrder}
                    </a>
                  </div>
                </section>
              </Match>
              <Match when={d().order.status === 'pending_payment'}>
                <section class="mk-card mk-center">
                  <h2 class="mk-card__title">{t.due}</h2>
                  <p class="mk-big-amount">{formatPrice(d().order.total)}</p>
                  <p class="mk-muted">{t.orderNumber(d().order.number)}</p>
                  <Show when={left(d().order) !== undefined}>
                    <p class="mk-notice" classList={{ 'mk-notice--error': left(d().order)! <= 0 }}>
                      {left(d().order)! > 0 ? t.timeLeft(left(d().order)!) : t.expired}
                    </p>
                  </Show>
                </section>
                <Show when={phase() === 'checking' || phase() === 'waiting'}>
                  <section class="mk-card" role="status" aria-live="polite">
                    <Show when={phase() === 'checking'} fallback={<p>{t.stillChecking}</p>}>
                      <Loading label={t.checking} />
                    </Show>
                    <Show when={qr()}>
                      <p>{t.scan}</p>
                      <code>{qr()}</code>
                    </Show>
                    <Show when={phase() === 'waiting'}>
                      <button
                        type="button"
                        class="mk-button mk-button--ghost"
                        onClick={() => window.location.reload()}
                      >
                        {t.refresh}
                      </button>
                    </Show>
                  </section>
                </Show>
                <Show when={failed()}>
                  <p class="mk-notice mk-notice--error" role="alert">
                    {t.failed}
                  </p>
                </Show>
                <section class="mk-card">
                  <fieldset class="mk-choices">
                    <legend>{t.method}</legend>
                    <Show when={d().methods.length === 0}>
                      <p class="mk-notice mk-notice--error">{t.noMethods}</p>
                    </Show>
                    <For each={d().methods}>
                      {(name) => (
                        <label class="mk-choice">
                          <input
                            type="radio"
                            name="pay-provider"
                            value={name}
                            checked={provider() === name}
                            onChange={() => setProvider(name)}
                          />
                          <span class="mk-choice__box">{acc.paymentName[name] ?? name}</span>
                        </label>
                      )}
                    </For>
                  </fieldset>
                </section>
                <FormMessage text={error()} />
                <div class="mk-actionbar">
                  <a class="mk-link-button" href={orderHref()}>
                    {t.viewOrder}
                  </a>
                  <button
                    type="button"
                    class="mk-button"
                    disabled={
                      !provider() ||
                      phase() === 'starting' ||
                      phase() === 'checking' ||
                      (left(d().order) ?? 1) <= 0
                    }
                    aria-busy={phase() === 'starting' ? 'true' : undefined}
                    onClick={() => void start()}
                  >
                    {phase() === 'starting' ? t.starting : t.pay(formatPrice(d().order.total))}
                  </button>
                </div>
              </Match>
            </Switch>
          </div>
        )}
      </Show>
    </main>
  )
}
