import { For, Show } from 'solid-js'
import IconArrowDown from '~icons/lucide/arrow-down'
import IconArrowUp from '~icons/lucide/arrow-up'
import IconArrowUpDown from '~icons/lucide/arrow-up-down'
import { inLocale, messages } from '../../shared/i18n.ts'
import { useStorefront } from '../storefront-context.ts'
import './catalog-ui.css'

const text = messages({
  'zh-CN': {
    sortLabel: '排序',
    price: '价格',
    priceAsc: '价格从低到高',
    priceDesc: '价格从高到低',
  },
  en: {
    sortLabel: 'Sort by',
    price: 'Price',
    priceAsc: 'Price, low to high',
    priceDesc: 'Price, high to low',
  },
})

/** The two price orders, which the sort bar shows as one link that flips direction. */
type PriceSort = 'price_asc' | 'price_desc'

/**
 * The orders of a product list as links: the list's own orders, then price, one link that flips
 * between low-to-high and high-to-low. Sorting is a link, so each order is a server-rendered page.
 */
export function SortBar<S extends string>(p: {
  /** The order shown now. */
  current: S
  /** The orders other than price, with their labels, in the order they are offered. */
  sorts: readonly { sort: S; label: string }[]
  href: (sort: NoInfer<S> | PriceSort) => string
}) {
  const t = inLocale(text, useStorefront().locale)
  const isPrice = () => p.current === 'price_asc' || p.current === 'price_desc'
  return (
    <ul class="mk-sortbar" aria-label={t.sortLabel}>
      <For each={p.sorts}>
        {(entry) => (
          <li>
            <a
              class="mk-sortbar__link"
              href={p.href(entry.sort)}
              aria-current={p.current === entry.sort}
            >
              {entry.label}
            </a>
          </li>
        )}
      </For>
      <li>
        <a
          class="mk-sortbar__link"
          href={p.href(p.current === 'price_asc' ? 'price_desc' : 'price_asc')}
          aria-current={isPrice()}
          aria-label={p.current === 'price_asc' ? t.priceDesc : t.priceAsc}
        >
          {t.price}
          <Show
            when={isPrice()}
            fallback={<IconArrowUpDown class="mk-sortbar__arrow" aria-hidden="true" />}
          >
            <Show
              when={p.current === 'price_asc'}
              fallback={<IconArrowDown class="mk-sortbar__arrow" aria-hidden="true" />}
            >
              <IconArrowUp class="mk-sortbar__arrow" aria-hidden="true" />
            </Show>
          </Show>
        </a>
      </li>
    </ul>
  )
}
