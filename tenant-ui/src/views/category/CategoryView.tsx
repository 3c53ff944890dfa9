import { For, Show } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { CartLink } from '../../app/ui/catalog-cart-link.tsx'
import { createPager, LoadMore } from '../../app/ui/catalog-pager.tsx'
import { SortBar } from '../../app/ui/catalog-sortbar.tsx'
import { EmptyState, PageBar } from '../../app/ui/ui.tsx'
import '../../app/ui/catalog-ui.css'
import '../../blocks/product-grid/product-grid.css'
import { ProductCards } from '../../blocks/product-grid/ProductCards.tsx'
import { cardFromSummary } from '../../blocks/product-grid/grid-product.ts'
import type { ProductPage } from '../../../../core/src/commerce/catalog/product-list.ts'
import { storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import type { CategoryData } from './load.ts'
import { text } from './messages.ts'
import { apiSort, CATEGORY_PAGE_SIZE, type CategorySort } from './sorts.ts'
import './category.css'

/**
 * A category: where it sits, its subcategories as chips, and its products in the chosen order.
 * Sorting is a link (a server-rendered page per order); further pages load in the browser.
 */
export default function CategoryView(p: ViewProps<CategoryData>) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const categoryHref = (id: string) => mallHref(store.base, paths.category(id))
  const sortHref = (sort: CategorySort) =>
    categoryHref(p.data.category.id) + (sort === 'default' ? '' : `?sort=${sort}`)
  const pager = createPager({ items: p.data.products, nextCursor: p.data.nextCursor }, (cursor) => {
    const query = new URLSearchParams({
      categoryId: p.data.category.id,
      sort: apiSort(p.data.sort),
      limit: String(CATEGORY_PAGE_SIZE),
      cursor,
    })
    return storeApi<ProductPage>(store.base, `/products?${query}`).then((page) => ({
      items: page.items.map((item) => cardFromSummary(item, store.locale)),
      nextCursor: page.nextCursor,
    }))
  })
  const sorts: { sort: CategorySort; label: string }[] = [
    { sort: 'default', label: t.default },
    { sort: 'sales', label: t.sales },
    { sort: 'newest', label: t.newest },
  ]
  return (
    <main class="mk-view mk-catalog">
      <PageBar title={p.data.category.name}>
        <CartLink />
      </PageBar>
      <nav class="mk-crumbs" aria-label={t.breadcrumb}>
        <ol>
          <li>
            <a href={mallHref(store.base, paths.categories())}>{t.categories}</a>
          </li>
          <For each={p.data.ancestors}>
            {(ancestor) => (
              <li>
                <a href={categoryHref(ancestor.id)}>{ancestor.name}</a>
              </li>
            )}
          </For>
          <li aria-current="page">{p.data.category.name}</li>
        </ol>
      </nav>
      <Show when={p.data.children.length > 0}>
        <nav aria-label={t.subcategories}>
          <ul class="mk-chips">
            <For each={p.data.children}>
              {(child) => (
                <li>
                  <a class="mk-chip" href={categoryHref(child.id)}>
                    {child.name}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <SortBar current={p.data.sort} sorts={sorts} href={sortHref} />
      <section class="mk-grid" aria-label={t.products}>
        <Show
          when={pager.items().length > 0}
          fallback={
            <EmptyState
              title={t.emptyTitle}
              text={t.emptyText}
              action={
                <a
                  class="mk-button mk-button--ghost"
                  href={mallHref(store.base, paths.categories())}
                >
                  {t.categories}
                </a>
              }
            />
          }
        >
          <ProductCards products={pager.items()} columns={2} showCompareAt />
          <LoadMore pager={pager} />
        </Show>
      </section>
    </main>
  )
}
