import { Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { ProductGridData } from './data.ts'
import type { ProductGridProps } from './manifest.ts'
import { ProductCards } from './ProductCards.tsx'
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
        <ProductCards
          products={products()}
          columns={p.props.columns}
          showCompareAt={p.props.showCompareAt}
        />
      </Show>
    </section>
  )
}
