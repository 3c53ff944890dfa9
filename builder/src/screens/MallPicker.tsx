import { For, Show } from 'solid-js'
import IconStore from '~icons/lucide/store'
import { t } from '../app/i18n.ts'
import { navigate, routePath } from '../app/router.ts'
import { me } from '../app/session.ts'

/** The malls the staff member works in (from `/api/platform/me`); one click opens its pages. */
export function MallPicker() {
  const malls = () => me()?.malls ?? []
  return (
    <main class="ck-main">
      <h1>{t().malls}</h1>
      <Show when={malls().length > 0} fallback={<p class="ck-muted">{t().noMalls}</p>}>
        <ul class="ck-list">
          <For each={malls()}>
            {(mall) => (
              <li>
                <a
                  class="ck-list__row"
                  href={routePath({ screen: 'pages', slug: mall.slug })}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate({ screen: 'pages', slug: mall.slug })
                  }}
                >
                  <IconStore aria-hidden="true" />
                  <span class="ck-list__title">{mall.name}</span>
                  <span class="ck-muted">/s/{mall.slug}</span>
                  <span class="ck-badge">{mall.role}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  )
}
