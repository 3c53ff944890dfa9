import { Show } from 'solid-js'
import { LineThumb, specText } from '../../app/ui/account-kit.tsx'
import type { CartLine } from '../../app/ui/account-types.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { paths } from '../../shared/routes.ts'
import { cartText } from './messages.ts'

/** The most of one SKU a cart line may hold (the core's `MAX_LINE_QUANTITY`). */
const MAX_LINE = 999

/**
 * One cart line: picture, title, spec, unit price (with a price change), what is wrong with it,
 * a quantity stepper bounded by stock, and remove.
 */
export function CartLineItem(p: {
  line: CartLine
  busy: boolean
  error: string | undefined
  onQuantity: (quantity: number) => void
  onRemove: () => void
}) {
  const store = useStorefront()
  const t = inLocale(cartText, store.locale)
  const name = () => pick(p.line.title, store.locale)
  const max = () => Math.min(MAX_LINE, Math.max(p.line.stock, 1))
  const unavailable = () => p.line.problems.includes('unavailable')
  const problemId = () => `cart-line-${p.line.skuId}-problem`
  return (
    <li class="mk-line" aria-busy={p.busy ? 'true' : undefined}>
      <a href={mallHref(store.base, paths.product(p.line.productId))} tabindex="-1">
        <LineThumb url={p.line.imageUrl} alt="" />
      </a>
      <div class="mk-line__body">
        <h3 class="mk-line__title">
          <a href={mallHref(store.base, paths.product(p.line.productId))}>{name()}</a>
        </h3>
        <Show when={specText(p.line.spec)}>
          <span class="mk-muted">{specText(p.line.spec)}</span>
        </Show>
        <Show when={p.line.priceChange}>
          {(change) => <p class="mk-notice">{t.priceChange(change().from, change().to)}</p>}
        </Show>
        <Show when={p.line.problems.length > 0 || p.error}>
          <p id={problemId()} class="mk-notice mk-notice--error">
            {p.error ?? (unavailable() ? t.unavailable : t.insufficient(p.line.stock))}
          </p>
        </Show>
        <div class="mk-line__foot">
          <span class="mk-price">{formatPrice(p.line.unitPrice)}</span>
          <div class="mk-line__foot">
            <button
              type="button"
              class="mk-link-button mk-link-button--danger"
              onClick={() => p.onRemove()}
            >
              {t.remove}
              <span class="mk-visually-hidden"> {name()}</span>
            </button>
            <div class="mk-stepper" role="group" aria-label={t.quantityOf(name())}>
              <button
                type="button"
                aria-label={t.decrease(name())}
                disabled={p.busy || unavailable() || p.line.quantity <= 1}
                onClick={() => p.onQuantity(p.line.quantity - 1)}
              >
                −
              </button>
              <output aria-live="off">{p.line.quantity}</output>
              <button
                type="button"
                aria-label={t.increase(name())}
                title={p.line.quantity >= max() ? t.maxReached : undefined}
                disabled={p.busy || unavailable() || p.line.quantity >= max()}
                onClick={() => p.onQuantity(p.line.quantity + 1)}
              >
                +
              </button>
            </div>
          </div>
        </div>
      </div>
    </li>
  )
}
