import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js'
import IconShieldCheck from '~icons/lucide/shield-check'
import IconTruck from '~icons/lucide/truck'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { CartLink } from '../../app/ui/catalog-cart-link.tsx'
import { PageBar } from '../../app/ui/ui.tsx'
import '../../app/ui/catalog-ui.css'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import { addToCart, type AddFailure } from './add-to-cart.ts'
import type { ProductViewData } from './data.ts'
import { Gallery } from './Gallery.tsx'
import { PriceReasons } from './PriceReasons.tsx'
import { text } from './messages.ts'
import { chosenSku, initialSelection, missingSpecs, toggle } from './selection.ts'
import { estimateShipping } from './shipping-estimate.ts'
import { QuantityStepper, SpecPicker } from './SpecPicker.tsx'
import './product.css'

/** How long the "added to cart" confirmation stays. */
const CONFIRMATION_MS = 4000
/** From this stock down the page says "only n left". */
const FEW_LEFT = 10

type Notice = { kind: 'added' } | { kind: 'choose'; names: string } | { kind: AddFailure }

/**
 * A product: gallery, price, spec picker with stock and quantity, shipping estimate, service
 * and description, and the actions (add to cart, buy now) in a bar that sticks to the bottom of
 * a phone's screen. Everything but the actions renders on the server.
 */
export default function ProductView(p: ViewProps<ProductViewData>) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const [selection, setSelection] = createSignal(initialSelection(p.data.specs))
  const [quantity, setQuantity] = createSignal(1)
  const [busy, setBusy] = createSignal(false)
  const [notice, setNotice] = createSignal<Notice | null>(null)
  let hideTimer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(hideTimer))

  const sku = () => chosenSku(p.data.specs, p.data.skus, selection())
  const soldOut = () => p.data.skus.every((choice) => choice.stock === 0)
  const maxQuantity = () => Math.min(p.data.maxQuantity, sku()?.stock ?? p.data.maxQuantity)
  // A SKU with less stock than the quantity chosen for another lowers the quantity.
  createEffect(
    on(sku, () => setQuantity((n) => Math.max(1, Math.min(n, maxQuantity()))), { defer: true }),
  )

  const shipping = () => {
    const chosen = sku()
    return estimateShipping(p.data.shipping, {
      quantity: quantity(),
      grams: chosen?.weightGrams ?? p.data.skus[0]?.weightGrams ?? 0,
      subtotal: (chosen?.price ?? p.data.priceMin) * quantity(),
    })
  }
  const shippingText = () => {
    const estimate = shipping()
    if (estimate.free) return t.freeShipping
    const parts = [formatPrice(estimate.fee)]
    if (estimate.freeThreshold !== null) parts.push(t.freeFrom(formatPrice(estimate.freeThreshold)))
    if (estimate.moreElsewhere) parts.push(t.moreElsewhere)
    return parts.join(t.separator)
  }
  const show = (next: Notice) => {
    clearTimeout(hideTimer)
    setNotice(next)
    if (next.kind === 'added') hideTimer = setTimeout(() => setNotice(null), CONFIRMATION_MS)
  }
  /** The chosen SKU, or a prompt naming the dimensions still to choose. */
  const ready = () => {
    const chosen = sku()
    if (!chosen) {
      const names = missingSpecs(p.data.specs, selection()).map((spec) => spec.name)
      show({ kind: 'choose', names: names.join(t.separator) })
    }
    return chosen
  }
  const add = async () => {
    const chosen = ready()
    if (!chosen || busy()) return
    setBusy(true)
    setNotice(null)
    const failure = await addToCart(store.base, chosen.id, quantity())
    setBusy(false)
    show(failure ? { kind: failure } : { kind: 'added' })
  }
  const buy = () => {
    const chosen = ready()
    if (!chosen) return
    window.location.assign(
      mallHref(store.base, paths.checkout({ sku: chosen.id, qty: quantity() })),
    )
  }
  const noticeText = (current: Notice) => {
    switch (current.kind) {
      case 'added':
        return t.added
      case 'choose':
        return t.choose(current.names)
      case 'out-of-stock':
        return t.outOfStock
      case 'not-on-sale':
        return t.notOnSale
      case 'too-many':
        return t.tooMany
      case 'failed':
        return t.failed
    }
  }

  return (
    <main class="mk-view mk-catalog mk-product">
      <PageBar title={t.pageTitle} heading={false}>
        <CartLink />
      </PageBar>
      <div class="mk-product__layout">
        <Gallery images={p.data.images} />
        <div class="mk-product__info">
          <section class="mk-product__card">
            <p class="mk-product__prices">
              <span class="mk-product__price">
                <Show
                  when={sku()}
                  fallback={
                    p.data.priceMin === p.data.priceMax
                      ? formatPrice(p.data.priceMin)
                      : `${formatPrice(p.data.priceMin)}–${formatPrice(p.data.priceMax)}`
                  }
                >
                  {(chosen) => formatPrice(chosen().price)}
                </Show>
              </span>
              <Show when={sku() ? sku()?.compareAt : p.data.compareAt}>
                {(compareAt) => (
                  <s class="mk-product__compare">
                    <span class="mk-visually-hidden">{t.compareAt} </span>
                    {formatPrice(compareAt())}
                  </s>
                )}
              </Show>
              <Show when={p.data.salesCount > 0}>
                <span class="mk-product__sold">{t.sold(p.data.salesCount)}</span>
              </Show>
            </p>
            <PriceReasons skuId={sku()?.id} quantity={quantity()} />
            <h1 class="mk-product__name">{p.data.title}</h1>
            <Show when={p.data.subtitle}>
              <p class="mk-product__subtitle">{p.data.subtitle}</p>
            </Show>
          </section>

          <section class="mk-product__card" aria-label={t.specs}>
            <SpecPicker
              specs={p.data.specs}
              skus={p.data.skus}
              selection={selection()}
              onPick={(key, value) => {
                setSelection((current) => toggle(current, key, value))
                setNotice(null)
              }}
            />
            <div class="mk-product__quantity">
              <span class="mk-spec__name">{t.quantity}</span>
              <QuantityStepper
                value={quantity()}
                max={maxQuantity()}
                disabled={soldOut() || sku()?.stock === 0}
                onChange={setQuantity}
              />
              <span class="mk-product__stock" data-stock={sku()?.stock}>
                <Show when={sku()} fallback={soldOut() ? t.soldOut : ''}>
                  {(chosen) =>
                    chosen().stock === 0
                      ? t.soldOut
                      : chosen().stock <= FEW_LEFT
                        ? t.fewLeft(chosen().stock)
                        : t.stock(chosen().stock)
                  }
                </Show>
              </span>
            </div>
          </section>

          <section class="mk-product__card mk-product__facts">
            <p class="mk-product__fact">
              <IconTruck aria-hidden="true" />
              <span class="mk-product__fact-label">{t.shipping}</span>
              <span class="mk-product__shipping">{shippingText()}</span>
            </p>
            <p class="mk-product__fact">
              <IconShieldCheck aria-hidden="true" />
              <span class="mk-product__fact-label">{t.returns}</span>
              <span>{p.data.returnable7d ? t.returnable : t.notReturnable}</span>
            </p>
          </section>

          <div class="mk-actions">
            <div class="mk-actions__notice" role="status" aria-live="polite">
              <Show when={notice()}>
                {(current) => (
                  <p
                    class="mk-actions__message"
                    classList={{ 'mk-actions__message--error': current().kind !== 'added' }}
                  >
                    {noticeText(current())}
                    <Show when={current().kind === 'added'}>
                      {' '}
                      <a href={mallHref(store.base, paths.cart())}>{t.viewCart}</a>
                    </Show>
                  </p>
                )}
              </Show>
            </div>
            <div class="mk-actions__bar">
              <CartLink class="mk-actions__cart" />
              <button
                type="button"
                class="mk-button mk-button--ghost mk-actions__add"
                disabled={soldOut() || sku()?.stock === 0 || busy()}
                aria-busy={busy()}
                onClick={() => void add()}
              >
                {soldOut() ? t.soldOut : busy() ? t.adding : t.addToCart}
              </button>
              <button
                type="button"
                class="mk-button mk-actions__buy"
                disabled={soldOut() || sku()?.stock === 0}
                onClick={buy}
              >
                {t.buyNow}
              </button>
            </div>
          </div>
        </div>
      </div>

      <section class="mk-product__card mk-product__details" aria-labelledby="mk-product-details">
        <h2 class="mk-product__section-title" id="mk-product-details">
          {t.description}
        </h2>
        <Show
          when={p.data.descriptionHtml}
          fallback={<p class="mk-product__muted">{t.noDescription}</p>}
        >
          <div class="mk-product__description" innerHTML={p.data.descriptionHtml} />
        </Show>
      </section>
      <div class="mk-actions-spacer" aria-hidden="true" />
    </main>
  )
}
