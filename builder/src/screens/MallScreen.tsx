import { For, Show, type JSX, type Resource } from 'solid-js'
import { t } from '../app/i18n.ts'
import { MallFrame } from './MallFrame.tsx'
import { builtInPermission } from './MallNav.tsx'

/**
 * One of a mall's built-in list screens (pages, plugins) in the mall's frame: its list as loaded
 * from the API (an error, nothing yet, `empty` when there are no items).
 */
export function MallScreen<T>(p: {
  slug: string
  current: keyof typeof builtInPermission
  items: Resource<T[]>
  empty: string
  children: (item: T) => JSX.Element
}) {
  return (
    <MallFrame
      slug={p.slug}
      current={p.current}
      title={t()[p.current]}
      permission={builtInPermission[p.current]}
    >
      {() => (
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
      )}
    </MallFrame>
  )
}
