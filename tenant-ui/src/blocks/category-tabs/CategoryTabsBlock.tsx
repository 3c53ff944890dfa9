import { createSignal, createUniqueId, For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { ProductCards } from '../product-grid/ProductCards.tsx'
import '../product-grid/product-grid.css'
import type { CategoryTabsData } from './data.ts'
import type { CategoryTabsProps } from './manifest.ts'
import './category-tabs.css'

/**
 * Tabs of categories (the ARIA tabs pattern, arrow keys move between tabs). Every tab's products
 * are in the server's HTML; the first panel shows until hydration makes the tabs switch.
 */
export default function CategoryTabsBlock(
  p: BlockComponentProps<CategoryTabsProps, CategoryTabsData | undefined>,
) {
  const store = useStorefront()
  const en = () => store.locale === 'en'
  const id = `mk-ctabs-${createUniqueId()}`
  const [selected, setSelected] = createSignal(0)
  const tabs = () => p.data?.tabs ?? []
  const title = () => pick(p.props.title, store.locale)
  const buttons: HTMLButtonElement[] = []
  const onKeyDown = (event: KeyboardEvent) => {
    const count = tabs().length
    const next =
      event.key === 'ArrowRight'
        ? (selected() + 1) % count
        : event.key === 'ArrowLeft'
          ? (selected() - 1 + count) % count
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : undefined
    if (next === undefined) return
    event.preventDefault()
    setSelected(next)
    buttons[next]?.focus()
  }
  return (
    <Show when={tabs().length > 0}>
      <section class="mk-grid mk-ctabs" aria-label={title() || (en() ? 'Categories' : '分类')}>
        <Show when={title()}>
          <h2 class="mk-grid__title">{title()}</h2>
        </Show>
        <div class="mk-ctabs__list" role="tablist" onKeyDown={onKeyDown}>
          <For each={tabs()}>
            {(tab, i) => (
              <button
                ref={(el) => (buttons[i()] = el)}
                type="button"
                role="tab"
                class="mk-ctabs__tab"
                id={`${id}-tab-${i()}`}
                aria-controls={`${id}-panel-${i()}`}
                aria-selected={selected() === i()}
                tabIndex={selected() === i() ? 0 : -1}
                onClick={() => setSelected(i())}
              >
                {tab.label}
              </button>
            )}
          </For>
        </div>
        <For each={tabs()}>
          {(tab, i) => (
            <div
              role="tabpanel"
              class="mk-ctabs__panel"
              id={`${id}-panel-${i()}`}
              aria-labelledby={`${id}-tab-${i()}`}
              hidden={selected() !== i()}
            >
              <Show
                when={tab.products.length > 0}
                fallback={<p class="mk-grid__empty">{en() ? 'No products yet' : '暂无商品'}</p>}
              >
                <ProductCards
                  products={tab.products}
                  columns={p.props.columns}
                  showCompareAt={p.props.showCompareAt}
                />
              </Show>
            </div>
          )}
        </For>
      </section>
    </Show>
  )
}
