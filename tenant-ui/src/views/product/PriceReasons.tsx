import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js'
import { customer, loadSession } from '../../app/session.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { storeApi } from '../../shared/api.ts'
import { formatPrice } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick, type LocalizedText } from '../../shared/localized.ts'
import { text } from './messages.ts'

interface Adjustment {
  code: string
  amount: number
  reason: LocalizedText
  target?: 'shipping'
}

interface Preview {
  lines: { total: number; discount: number; adjustments: Adjustment[] }[]
  adjustments: Adjustment[]
}

/** What the checkout would take off this SKU and quantity for this customer, and why. */
export interface PriceReasonsData {
  total: number
  reasons: { label: string; amount: number }[]
}

/**
 * Asks the checkout's price preview what this customer would pay for `quantity` of `skuId`: the
 * reasons (member price, a coupon they hold…) and the price after them. Personal, so fetched after
 * hydration and only for a logged-in customer; a failure shows nothing.
 */
async function fetchReasons(
  base: string,
  locale: 'zh-CN' | 'en',
  skuId: string,
  quantity: number,
): Promise<PriceReasonsData | null> {
  const preview = await storeApi<Preview>(base, '/checkout/preview', {
    method: 'POST',
    body: { items: [{ skuId, quantity }] },
  })
  const line = preview.lines[0]
  if (!line) return null
  const goods = [...line.adjustments, ...preview.adjustments].filter((a) => a.target !== 'shipping')
  const reasons = goods
    .filter((adjustment) => adjustment.amount !== 0)
    .map((adjustment) => ({ label: pick(adjustment.reason, locale), amount: adjustment.amount }))
  return reasons.length ? { total: line.total, reasons } : null
}

/** The reasons a price applies for the customer, under the price ("¥20 off from ¥199 −¥20.00"). */
export function PriceReasons(p: { skuId: string | undefined; quantity: number }) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const [data, setData] = createSignal<PriceReasonsData | null>(null)
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  createEffect(
    on(
      () => [p.skuId, p.quantity, customer()] as const,
      ([skuId, quantity, who]) => {
        clearTimeout(timer)
        const ask = ++asked
        if (!skuId || !who) {
          setData(null)
          return
        }
        // Stepping the quantity quickly asks once, for the last value.
        timer = setTimeout(() => {
          void fetchReasons(store.base, store.locale, skuId, quantity).then(
            (found) => ask === asked && setData(found),
            () => ask === asked && setData(null),
          )
        }, 250)
      },
    ),
  )
  // The customer is known once the page's session answer is in.
  void (typeof window === 'undefined' ? undefined : loadSession(store.base))
  return (
    <Show when={data()}>
      {(found) => (
        <div class="mk-product__reasons" aria-live="polite">
          <p class="mk-product__your-price">
            {t.yourPrice} <strong>{formatPrice(found().total)}</strong>
          </p>
          <ul>
            <For each={found().reasons}>
              {(reason) => (
                <li>
                  <span>{reason.label}</span>
                  <span>{formatPrice(reason.amount)}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      )}
    </Show>
  )
}
