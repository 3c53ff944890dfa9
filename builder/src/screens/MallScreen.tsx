import { For, Show, type JSX, type Resource } from 'solid-js'
import { t } from '../app/i18n.ts'
import { navigate, routePath } from '../app/router.ts'
import { MallNav, type MallTab } from './MallNav.tsx'

/**
 * One of a mall's tabbed screens: the way back to the malls, the tab's title and the tabs, then
 * its list as loaded from the API (an error, nothing yet, `empty` when there are no items).
 */
export function MallScreen<T>(p: {
  slug: string
  current: MallTab
  items: Resource<T[]>
  empty: string
  children: (item: T) => JSX.Element
}) {
  return (
    <main class="ck-main">
      <p>
        <a
          href={routePath({ screen: 'malls' })}
          onClick={(e) => {
            e.preventDefault()
            navigate({ screen: 'malls' })
          }}
        >
          ← {t().malls}
        </a>
      </p>
      <h1>
        {t()[p.current]} · {p.slug}
      </h1>
      <MallNav slug={p.slug} current={p.current} />
      <Show when={!p.items.error} fallback={<p class="ck-error">{t().loadFailed}</p>}>
        <Show when={p.items()}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p class="ck-muted">{p.empty}</p>}>
              <ul class="ck-list">
                <For each={items()}>{(item) => p.children(item)}</For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </main>
  )
}
