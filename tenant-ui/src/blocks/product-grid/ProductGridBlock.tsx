import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { ProductGridData } from './data.ts'
import type { ProductGridProps } from './manifest.ts'
import './product-grid.css'

/** Product cards in two or three columns: image, title, price and compare-at price. */
export default function ProductGridBlock(
  p: BlockComponentProps<ProductGridProps, ProductGridData | undefined>,
) {
  const store = useStorefront()
  const en = () => store.locale === 'en'
  const products = () => p.data?.products ?? []
  const title = () => pick(p.props.title, store.locale)
  return (
    <section class="mk-grid" aria-label={title() || (en() ? 'Products' : '商品')}>
      <Show when={title()}>
        <h2 class="mk-grid__title">{title()}</h2>
      </Show>
      <Show
        when={products().length > 0}
        fallback={<p class="mk-grid__empty">{en() ? 'No products yet' : '暂无商品'}</p>}
      >
        <ul class="mk-grid__list" style={{ '--mk-cols': String(p.props.columns) }}>
          <For each={products()}>
            {(product) => (
              <li class="mk-grid__item">
                <a class="mk-grid__card" href={mallHref(store.base, `/products/${product.id}`)}>
                  <div class="mk-grid__media">
                    <Show when={product.image}>
                      {(image) => (
                        <img
                          src={image().src}
                          srcset={image().srcset}
                          sizes={p.props.columns === 3 ? '33vw' : '50vw'}
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
                    <Show when={p.props.showCompareAt && product.compareAt}>
                      {(compareAt) => <s class="mk-grid__compare">{formatPrice(compareAt())}</s>}
                    </Show>
                  </span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
