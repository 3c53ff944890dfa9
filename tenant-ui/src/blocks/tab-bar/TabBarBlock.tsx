import { createSignal, For, onMount, Show } from 'solid-js'
import { cartCount } from '../../app/session.ts'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { navIconPaths } from '../NavIcon.tsx'
import { SvgIcon } from '../SvgIcon.tsx'
import type { TabBarProps } from './manifest.ts'
import './tab-bar.css'

/**
 * The bottom navigation bar, fixed to the viewport with a spacer in the flow so it never covers
 * the page's end. The current page's item is marked once hydrated (the server HTML is shared by
 * every path that shows the page). The item linking to `/cart` carries the cart badge once the
 * session is known (never on the server: the HTML is shared).
 */
export default function TabBarBlock(p: BlockComponentProps<TabBarProps>) {
  const store = useStorefront()
  const [path, setPath] = createSignal<string>()
  onMount(() => setPath(window.location.pathname))
  return (
    <>
      <div class="mk-tabbar-spacer" aria-hidden="true" />
      <nav class="mk-tabbar" aria-label={store.locale === 'en' ? 'Main' : '主导航'}>
        <ul class="mk-tabbar__list">
          <For each={p.props.items}>
            {(item) => {
              const href = () => mallHref(store.base, item.link)
              return (
                <li>
                  <a
                    class="mk-tabbar__item"
                    href={href()}
                    aria-current={path() === href() ? 'page' : undefined}
                  >
                    <span class="mk-tabbar__figure">
                      <SvgIcon inner={navIconPaths(item.icon)} class="mk-tabbar__icon" />
                      {/* Only the cart's item has a badge: no <Show> for the others. */}
                      {item.link === '/cart' ? (
                        <Show when={cartCount()}>
                          {(count) => (
                            <span
                              class="mk-tabbar__badge"
                              data-cart-count={count()}
                              aria-hidden="true"
                            >
                              {count() > 99 ? '99+' : count()}
                            </span>
                          )}
                        </Show>
                      ) : null}
                    </span>
                    <span>{pick(item.label, store.locale)}</span>
                    {item.link === '/cart' ? (
                      <Show when={cartCount()}>
                        {(count) => (
                          <span class="mk-tabbar__sr">
                            {store.locale === 'en' ? `, ${count()} in cart` : `，${count()} 件商品`}
                          </span>
                        )}
                      </Show>
                    ) : null}
                  </a>
                </li>
              )
            }}
          </For>
        </ul>
      </nav>
    </>
  )
}
