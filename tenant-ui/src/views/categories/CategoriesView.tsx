import { For, Show } from 'solid-js'
import IconChevronRight from '~icons/lucide/chevron-right'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { CartLink } from '../../app/ui/catalog-cart-link.tsx'
import { EmptyState, PageBar, useCommon } from '../../app/ui/ui.tsx'
import '../../app/ui/catalog-ui.css'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { paths } from '../../shared/routes.ts'
import type { CategoriesData } from './load.ts'
import { text } from './messages.ts'
import './categories.css'

/** The category tree: each top-level category with its children as tiles. */
export default function CategoriesView(p: ViewProps<CategoriesData>) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const common = useCommon()
  const href = (id: string) => mallHref(store.base, paths.category(id))
  return (
    <main class="mk-view mk-catalog">
      <PageBar title={t.title}>
        <CartLink />
      </PageBar>
      <Show
        when={p.data.categories.length > 0}
        fallback={
          <EmptyState
            title={t.emptyTitle}
            text={t.emptyText}
            action={
              <a class="mk-button" href={mallHref(store.base, paths.home())}>
                {common.goHome}
              </a>
            }
          />
        }
      >
        <ul class="mk-cats">
          <For each={p.data.categories}>
            {(top) => (
              <li class="mk-cats__group">
                <a class="mk-cats__top" href={href(top.id)}>
                  <span class="mk-cats__name">{top.name}</span>
                  <span class="mk-cats__all">
                    {t.all}
                    <IconChevronRight aria-hidden="true" />
                  </span>
                </a>
                <Show when={top.children.length > 0}>
                  <ul class="mk-cats__children">
                    <For each={top.children}>
                      {(child) => (
                        <li>
                          <a class="mk-cats__child" href={href(child.id)}>
                            {child.name}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <p class="mk-cats__footer">
          <a class="mk-button mk-button--ghost" href={mallHref(store.base, paths.search())}>
            {t.browseAll}
          </a>
        </p>
      </Show>
    </main>
  )
}
