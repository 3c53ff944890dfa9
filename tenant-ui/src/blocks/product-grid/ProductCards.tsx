import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import type { GridProduct } from './data.ts'

/** Product cards in two or three columns: image, title, price and compare-at price. */
export function ProductCards(p: {
  products: readonly GridProduct[]
  columns: 2 | 3
  showCompareAt: boolean
}) {
  const store = useStorefront()
  const en = () => store.locale === 'en'
  return (
    <ul class="mk-grid__list" style={{ '--mk-cols': String(p.columns) }}>
      <For each={p.products}>
        {(product) => (
          <li class="mk-grid__item">
            <a class="mk-grid__card" href={mallHref(store.base, `/products/${product.id}`)}>
              <div class="mk-grid__media">
                <Show when={product.image}>
                  {(image) => (
                    <img
                      src={image().src}
                      srcset={image().srcset || undefined}
                      sizes={image().srcset ? (p.columns === 3 ? '33vw' : '50vw') : undefined}
                      alt={image().alt}
                      width={image().width}
                      height={image().height}
                      loading="lazy"
                      decoding="async"
                    />
                  )}
                </Show>
                <Show when={product.soldOut}>
                  <span class="mk-grid__badge">{en() ? 'Sold out' : '已售罄'}</span>
                </Show>
              </div>
              <span class="mk-grid__name">{product.title}</span>
              <span class="mk-grid__prices">
                <span class="mk-grid__price">{formatPrice(product.price)}</span>
                <Show when={p.showCompareAt && product.compareAt}>
                  {(compareAt) => <s class="mk-grid__compare">{formatPrice(compareAt())}</s>}
                </Show>
              </span>
            </a>
          </li>
        )}
      </For>
    </ul>
  )
}
