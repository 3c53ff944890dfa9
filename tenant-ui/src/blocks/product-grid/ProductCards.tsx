import { For } from 'solid-js'
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
                {/* Conditionals, not <Show>: a dozen cards would make three dozen components. */}
                {product.image ? (
                  <img
                    src={product.image.src}
                    srcset={product.image.srcset || undefined}
                    sizes={product.image.srcset ? (p.columns === 3 ? '33vw' : '50vw') : undefined}
                    alt={product.image.alt}
                    width={product.image.width}
                    height={product.image.height}
                    loading="lazy"
                    decoding="async"
                  />
                ) : null}
                {product.soldOut ? (
                  <span class="mk-grid__badge">{en() ? 'Sold out' : '已售罄'}</span>
                ) : null}
              </div>
              <span class="mk-grid__name">{product.title}</span>
              <span class="mk-grid__prices">
                <span class="mk-grid__price">{formatPrice(product.price)}</span>
                {p.showCompareAt && product.compareAt ? (
                  <s class="mk-grid__compare">{formatPrice(product.compareAt)}</s>
                ) : null}
              </span>
            </a>
          </li>
        )}
      </For>
    </ul>
  )
}
