import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { LineThumb, specText } from '../../app/ui/account-kit.tsx'
import type { CheckoutPreview } from '../../app/ui/account-types.ts'
import { ErrorState, Loading } from '../../app/ui/ui.tsx'
import { formatPrice } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { checkoutText } from './messages.ts'

/** The items of the order as priced: loading, the pricing's error with a retry, or the lines. */
export function CheckoutLines(p: {
  preview: CheckoutPreview | undefined
  /** The pricing failed (and the failure is not the delivery's, which says so itself). */
  failed: boolean
  outOfStock: boolean
  onRetry: () => void
}) {
  const store = useStorefront()
  const t = inLocale(checkoutText, store.locale)
  return (
    <section class="mk-card" aria-labelledby="checkout-items">
      <h2 id="checkout-items" class="mk-card__title">
        {t.items}
      </h2>
      <Show
        when={p.preview}
        fallback={
          <Show when={p.failed} fallback={<Loading />}>
            <ErrorState message={p.outOfStock ? t.outOfStock : undefined} onRetry={p.onRetry} />
          </Show>
        }
      >
        {(c) => (
          <ul class="mk-lines">
            <For each={c().lines}>
              {(line) => (
                <li class="mk-line">
                  <LineThumb url={line.imageUrl} alt="" />
                  <div class="mk-line__body">
                    <h3 class="mk-line__title">{pick(line.title, store.locale)}</h3>
                    <span class="mk-muted">{specText(line.spec)}</span>
                    <div class="mk-line__foot">
                      <span class="mk-price">{formatPrice(line.unitPrice)}</span>
                      <span class="mk-muted">{t.lineQty(line.quantity)}</span>
                    </div>
                  </div>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </section>
  )
}
