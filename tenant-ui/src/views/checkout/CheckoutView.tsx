import { createEffect, createSignal, For, on, onMount, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { FormMessage, PriceSummary, TextField, useAccountText } from '../../app/ui/account-kit.tsx'
import {
  createRemote,
  newAttemptId,
  requireCustomer,
  toLogin,
} from '../../app/ui/account-remote.ts'
import type { Address, CheckoutPreview, PickupPoint } from '../../app/ui/account-types.ts'
import { EmptyState, PageBar, RemoteFallback, useCommon } from '../../app/ui/ui.tsx'
import { checkoutSections } from '../../blocks/components.ts'
import { ApiError, storeApi } from '../../shared/api.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { CheckoutLines } from './CheckoutLines.tsx'
import {
  buyNowItems,
  clearDraft,
  draftKey,
  readDraft,
  writeDraft,
  type CheckoutDraft,
} from './checkout-draft.ts'
import { DeliverySection } from './DeliverySection.tsx'
import type { CheckoutData } from './load.ts'
import { checkoutText } from './messages.ts'
import { PaymentSection } from './PaymentSection.tsx'
import { refusedSelections, sentSelections } from './plugin-selections.ts'

/** `record` without its entry at `key`. */
const without = <T,>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))

interface Setup {
  addresses: Address[]
  points: PickupPoint[]
  methods: string[]
}

/**
 * The checkout: the cart, or one SKU (`?sku=&qty=`, "buy now"). Delivery, payment method, note
 * and the plugins' choices (a coupon, points…, each plugin's checkout section) are kept in
 * sessionStorage with one Idempotency-Key per attempt, so a refresh loses nothing and a second
 * tap or a retry after a lost answer never places a second order.
 */
export default function CheckoutView(p: ViewProps<CheckoutData>) {
  const store = useStorefront()
  const t = inLocale(checkoutText, store.locale)
  const acc = useAccountText()
  const common = useCommon()
  const items = buyNowItems(p.query)
  const storageKey = draftKey(store.mall.slug, items ?? undefined)
  const sections = checkoutSections.filter((s) => p.data.plugins.includes(s.pluginId))
  const [draft, setDraft] = createSignal<CheckoutDraft>()
  const [placing, setPlacing] = createSignal(false)
  const [problem, setProblem] = createSignal<{ text: string; ordersLink?: boolean }>()
  const [deliveryError, setDeliveryError] = createSignal<string>()
  const [refused, setRefused] = createSignal<Record<string, string>>({})

  const setup = createRemote<Setup>(store.base, async () => {
    await requireCustomer(store.base)
    const [addresses, points, methods] = await Promise.all([
      storeApi<{ items: Address[] }>(store.base, '/addresses'),
      storeApi<{ items: PickupPoint[] }>(store.base, '/pickup-points'),
      storeApi<{ items: { provider: string }[] }>(store.base, '/payment-methods'),
    ])
    return {
      addresses: addresses.items,
      points: points.items,
      methods: methods.items.map((m) => m.provider),
    }
  })
  const delivery = () => {
    const d = draft()
    if (!d) return undefined
    if (d.method === 'pickup')
      return d.pickupPointId ? { method: 'pickup', pickupPointId: d.pickupPointId } : undefined
    return d.addressId ? { method: 'delivery', addressId: d.addressId } : undefined
  }
  const selections = () => sentSelections(draft()?.selections ?? {}, p.data.plugins)
  const preview = createRemote<CheckoutPreview>(store.base, () =>
    storeApi<CheckoutPreview>(store.base, '/checkout/preview', {
      method: 'POST',
      body: {
        ...(items ? { items } : {}),
        ...(delivery() ? { delivery: delivery() } : {}),
        ...(selections() ? { selections: selections() } : {}),
      },
    }),
  )

  const update = (change: Partial<CheckoutDraft>) => {
    const next = { ...draft()!, ...change }
    setDraft(next)
    writeDraft(storageKey, next)
  }
  const select = (pluginId: string, value: unknown) => {
    const others = without(draft()!.selections, pluginId)
    update({ selections: value === undefined ? others : { ...others, [pluginId]: value } })
    setRefused((before) => without(before, pluginId))
  }
  /** Forgets the choices a refusal names; true when there were any. */
  const forgetRefused = (error: ApiError): boolean => {
    const named = refusedSelections(error)
    if (Object.keys(named).length === 0) return false
    const kept = Object.entries(draft()!.selections).filter(([id]) => !(id in named))
    update({ selections: Object.fromEntries(kept) })
    setRefused((before) => ({ ...before, ...named }))
    return true
  }

  /** Keeps the draft's choices valid against what the server now lists. */
  const settle = (s: Setup) => {
    const saved = draft()!
    const addressId = s.addresses.some((a) => a.id === saved.addressId)
      ? saved.addressId
      : (s.addresses.find((a) => a.isDefault) ?? s.addresses[0])?.id
    const pickupPointId = s.points.some((pt) => pt.id === saved.pickupPointId)
      ? saved.pickupPointId
      : s.points[0]?.id
    const provider =
      saved.provider && s.methods.includes(saved.provider) ? saved.provider : s.methods[0]
    const method = saved.method === 'pickup' && s.points.length > 0 ? 'pickup' : 'delivery'
    const editing =
      s.addresses.length === 0 && method === 'delivery' ? (saved.editing ?? 'new') : saved.editing
    update({ addressId, pickupPointId, provider, method, editing })
  }

  onMount(async () => {
    if (items === null) return
    const saved = readDraft(storageKey)
    setDraft(saved ?? { key: newAttemptId(), method: 'delivery', note: '', selections: {} })
    await setup.reload()
    const s = setup.data()
    if (s) settle(s)
  })

  // The price follows the delivery choice (shipping fee) and the plugins' choices; the first run
  // waits for the setup.
  createEffect(
    on(
      () =>
        [
          setup.data(),
          JSON.stringify(delivery() ?? null),
          JSON.stringify(selections() ?? null),
        ] as const,
      ([s]) => {
        if (!s) return
        setDeliveryError(undefined)
        void preview.reload().then(() => {
          const e = preview.error()
          if (e?.fieldMessage('body.delivery.addressId')) setDeliveryError(t.badAddress)
          // A saved choice that no longer applies (the cart changed): the plugin decides again.
          if (e) forgetRefused(e)
        })
      },
    ),
  )

  const saved = async (address: Address) => {
    update({ editing: undefined, addressDraft: undefined, addressId: address.id })
    await setup.reload()
  }

  const place = async (event: SubmitEvent) => {
    event.preventDefault()
    if (placing()) return
    const d = draft()
    const chosen = delivery()
    setProblem(undefined)
    if (!d || !chosen) {
      setDeliveryError(d?.method === 'pickup' ? t.choosePickup : t.chooseAddress)
      return
    }
    setPlacing(true)
    try {
      const order = await storeApi<{ id: string }>(store.base, '/checkout', {
        method: 'POST',
        headers: { 'idempotency-key': d.key },
        body: {
          ...(items ? { items } : {}),
          delivery: chosen,
          note: d.note,
          ...(selections() ? { selections: selections() } : {}),
        },
      })
      clearDraft(storageKey)
      const next =
        paths.pay(order.id) + (d.provider ? `?provider=${encodeURIComponent(d.provider)}` : '')
      window.location.replace(mallHref(store.base, next))
    } catch (error) {
      setPlacing(false)
      if (!(error instanceof ApiError)) throw error
      if (error.status === 401) return toLogin(store.base)
      if (error.fieldMessage('header.idempotency-key'))
        return setProblem({ text: t.alreadyPlaced, ordersLink: true })
      if (error.fieldMessage('body.delivery.addressId')) return setDeliveryError(t.badAddress)
      if (forgetRefused(error)) return setProblem({ text: t.badSelection })
      if (error.status === 409) {
        setProblem({ text: t.outOfStock })
        return void preview.reload()
      }
      if (error.fieldMessage('body.items')) return setProblem({ text: t.emptyCart })
      setProblem({ text: error.status === 0 ? common.networkError : error.message })
    }
  }

  const allAdjustments = (c: CheckoutPreview) => [
    ...c.lines.flatMap((l) => l.adjustments),
    ...c.adjustments,
  ]
  const emptyCart = () => preview.error()?.fieldMessage('body.items') !== undefined

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <Show when={items !== null} fallback={<EmptyState title={t.badBuyNow} />}>
        <Show when={setup.data() && draft()} fallback={<RemoteFallback remote={setup} />}>
          <Show
            when={!emptyCart()}
            fallback={
              <EmptyState
                title={t.emptyCart}
                action={
                  <a class="mk-button" href={mallHref(store.base, paths.cart())}>
                    {t.backToCart}
                  </a>
                }
              />
            }
          >
            <form class="mk-acc__body" onSubmit={place} novalidate>
              <DeliverySection
                method={draft()!.method}
                onMethod={(method) => update({ method })}
                addresses={setup.data()!.addresses}
                addressId={draft()!.addressId}
                onAddress={(addressId) => update({ addressId })}
                points={setup.data()!.points}
                pickupPointId={draft()!.pickupPointId}
                onPoint={(pickupPointId) => update({ pickupPointId })}
                editing={draft()!.editing}
                onEditing={(editing) => update({ editing, addressDraft: undefined })}
                addressDraft={draft()!.addressDraft}
                onAddressDraft={(addressDraft) => update({ addressDraft })}
                onSaved={(address) => void saved(address)}
                error={deliveryError()}
              />
              <CheckoutLines
                preview={preview.data()}
                failed={Boolean(preview.error()) && !deliveryError()}
                outOfStock={preview.error()?.status === 409}
                onRetry={() => void preview.reload()}
              />
              <For each={sections}>
                {(section) => (
                  <Dynamic
                    component={section.component}
                    base={store.base}
                    items={items ?? undefined}
                    preview={preview.data()}
                    selection={draft()!.selections[section.pluginId]}
                    select={(value: unknown) => select(section.pluginId, value)}
                    refused={refused()[section.pluginId]}
                  />
                )}
              </For>
              <PaymentSection
                methods={setup.data()!.methods}
                provider={draft()!.provider}
                onProvider={(provider) => update({ provider })}
              />
              <section class="mk-card">
                <TextField
                  id="checkout-note"
                  label={acc.optional(t.note)}
                  value={draft()!.note}
                  onInput={(note) => update({ note })}
                  maxLength={500}
                  multiline
                  hint={t.notePlaceholder}
                />
              </section>
              <Show when={preview.data()}>
                {(c) => (
                  <section class="mk-card" aria-labelledby="checkout-summary">
                    <h2 id="checkout-summary" class="mk-card__title">
                      {t.summary}
                    </h2>
                    <PriceSummary
                      subtotal={c().subtotal}
                      adjustments={allAdjustments(c())}
                      shippingFee={c().shippingFee}
                      shippingKnown={c().shippingKnown}
                      total={c().total}
                      totalLabel={acc.payable}
                    />
                  </section>
                )}
              </Show>
              <Show when={problem()}>
                {(pr) => (
                  <div class="mk-notice mk-notice--error" role="alert">
                    <FormMessage text={pr().text} />
                    <Show when={pr().ordersLink}>
                      <a href={mallHref(store.base, paths.orders())}>{t.viewOrders}</a>
                    </Show>
                  </div>
                )}
              </Show>
              <div class="mk-actionbar">
                <div class="mk-actionbar__total">
                  <span>{acc.payable}</span>
                  <strong>{preview.data() ? formatPrice(preview.data()!.total) : '—'}</strong>
                </div>
                <button
                  type="submit"
                  class="mk-button"
                  disabled={placing() || !preview.data() || setup.data()!.methods.length === 0}
                  aria-busy={placing() ? 'true' : undefined}
                >
                  {placing() ? t.placing : t.place}
                </button>
              </div>
            </form>
          </Show>
        </Show>
      </Show>
    </main>
  )
}
