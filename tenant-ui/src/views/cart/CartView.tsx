import { createSignal, For, onMount, Show } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { customer, setCartFrom } from '../../app/session.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { ConfirmDialog, PriceSummary, useAccountText } from '../../app/ui/account-kit.tsx'
import { createRemote } from '../../app/ui/account-remote.ts'
import type { Cart, CartLine } from '../../app/ui/account-types.ts'
import { EmptyState, PageBar, RemoteFallback, useCommon } from '../../app/ui/ui.tsx'
import { ApiError, storeApi } from '../../shared/api.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { paths } from '../../shared/routes.ts'
import { CartLineItem } from './CartLineItem.tsx'
import { cartText } from './messages.ts'

/**
 * The cart: kept on the server (a guest's by cookie), fetched after hydration. Every change goes
 * to the API and the answer replaces the cart, so prices, problems and the badge stay true.
 */
export default function CartView(_p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(cartText, store.locale)
  const common = useCommon()
  const acc = useAccountText()
  const cart = createRemote<Cart>(store.base, () => storeApi<Cart>(store.base, '/cart'))
  const [busy, setBusy] = createSignal<string>()
  const [lineErrors, setLineErrors] = createSignal<Record<string, string>>({})
  const [removing, setRemoving] = createSignal<CartLine>()
  const [announce, setAnnounce] = createSignal('')
  const name = (line: CartLine) => pick(line.title, store.locale)

  const show = (next: Cart) => {
    cart.set(next)
    setCartFrom(next)
  }
  onMount(async () => {
    await cart.reload()
    const loaded = cart.data()
    if (loaded) setCartFrom(loaded)
  })

  const change = async (line: CartLine, work: () => Promise<Cart>, done: string) => {
    setBusy(line.skuId)
    setLineErrors((all) =>
      Object.fromEntries(Object.entries(all).filter(([k]) => k !== line.skuId)),
    )
    try {
      show(await work())
      setAnnounce(done)
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 409 && error.fieldMessage('body.quantity')
          ? t.onlyInStock(line.stock)
          : error instanceof ApiError && error.status === 404
            ? undefined
            : common.networkError
      if (error instanceof ApiError && error.status === 404) await cart.reload()
      if (message) setLineErrors((all) => ({ ...all, [line.skuId]: message }))
    } finally {
      setBusy(undefined)
    }
  }
  const setQuantity = (line: CartLine, quantity: number) =>
    change(
      line,
      () =>
        storeApi<Cart>(store.base, `/cart/items/${line.skuId}`, {
          method: 'PATCH',
          body: { quantity },
        }),
      t.updated(name(line), quantity),
    )
  const remove = async () => {
    const line = removing()
    if (!line) return
    await change(
      line,
      () => storeApi<Cart>(store.base, `/cart/items/${line.skuId}`, { method: 'DELETE' }),
      t.removed(name(line)),
    )
    setRemoving(undefined)
  }

  const allAdjustments = (c: Cart) => [...c.lines.flatMap((l) => l.adjustments), ...c.adjustments]
  const blocked = (c: Cart) => c.lines.some((l) => l.problems.length > 0)
  const checkoutHref = () =>
    mallHref(store.base, customer() === null ? paths.login(paths.checkout()) : paths.checkout())

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <p class="mk-visually-hidden" role="status" aria-live="polite">
        {announce()}
      </p>
      <Show when={cart.data()} fallback={<RemoteFallback remote={cart} />}>
        {(c) => (
          <Show
            when={c().lines.length > 0}
            fallback={
              <EmptyState
                title={t.emptyTitle}
                text={t.emptyText}
                action={
                  <a class="mk-button" href={mallHref(store.base, paths.home())}>
                    {t.goShopping}
                  </a>
                }
              />
            }
          >
            <div class="mk-acc__body">
              <Show when={c().merged}>
                <p class="mk-notice mk-notice--ok">{t.merged}</p>
              </Show>
              <section class="mk-card" aria-label={t.title}>
                <ul class="mk-lines">
                  <For each={c().lines}>
                    {(line) => (
                      <CartLineItem
                        line={line}
                        busy={busy() === line.skuId}
                        error={lineErrors()[line.skuId]}
                        onQuantity={(q) => void setQuantity(line, q)}
                        onRemove={() => setRemoving(line)}
                      />
                    )}
                  </For>
                </ul>
              </section>
              <section class="mk-card">
                <PriceSummary
                  subtotal={c().subtotal}
                  adjustments={allAdjustments(c())}
                  shippingKnown={false}
                  total={c().total}
                />
              </section>
            </div>
            <div class="mk-actionbar">
              <div class="mk-actionbar__total">
                <span>{acc.total}</span>
                <strong>{formatPrice(c().total)}</strong>
              </div>
              <Show
                when={!blocked(c())}
                fallback={
                  <p class="mk-notice mk-notice--error" role="status">
                    {t.fixProblems}
                  </p>
                }
              >
                <a class="mk-button" href={checkoutHref()}>
                  {t.checkout}
                </a>
              </Show>
            </div>
          </Show>
        )}
      </Show>
      <ConfirmDialog
        open={removing() !== undefined}
        title={t.removeTitle}
        text={removing() ? t.removeText(name(removing()!)) : ''}
        confirmLabel={t.remove}
        busy={busy() !== undefined}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(undefined)}
      />
    </main>
  )
}
