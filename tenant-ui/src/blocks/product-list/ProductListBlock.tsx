import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { ProductGridData } from '../product-grid/data.ts'
import type { ProductListProps } from './manifest.ts'
import './product-list.css'

/** One product per row: image, title, price and compare-at price. */
export default function ProductListBlock(
  p: BlockComponentProps<ProductListProps, ProductGridData | undefined>,
) {
  const store = useStorefront()
  const en = () => store.locale === 'en'
  const products = () => p.data?.products ?? []
  const title = () => pick(p.props.title, store.locale)
  return (
    <section class="mk-plist" aria-label={title() || (en() ? 'Products' : '商品')}>
      <Show when={title()}>
        <h2 class="mk-plist__title">{title()}</h2>
      </Show>
      <Show
        when={products().length > 0}
        fallback={<p class="mk-plist__empty">{en() ? 'No products yet' : '暂无商品'}</p>}
      >
        <ul class="mk-plist__list">
          <For each={products()}>
            {(product) => (
              <li>
                <a class="mk-plist__row" href={mallHref(store.base, `/products/${product.id}`)}>
                  <div class="mk-plist__media">
                    <Show when={product.image}>
                      {(image) => (
                        <img
                          src={image().src}
                          srcset={image().srcset}
                          sizes="120px"
                          alt={image().alt}
                          width={image().width}
                          height={image().height}
                          loading="lazy"
                          decoding="async"
                        />
                      )}
                    </Show>
                  </div>
                  <div class="mk-plist__body">
                    <span class="mk-plist__name">{product.title}</span>
                    <Show when={product.soldOut}>
                      <span class="mk-plist__sold-out">{en() ? 'Sold out' : '已售罄'}</span>
                    </Show>
                    <span class="mk-plist__prices">
                      <span class="mk-plist__price">{formatPrice(product.price)}</span>
                      <Show when={p.props.showCompareAt && product.compareAt}>
                        {(compareAt) => <s class="mk-plist__compare">{formatPrice(compareAt())}</s>}
                      </Show>
                    </span>
                  </div>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
