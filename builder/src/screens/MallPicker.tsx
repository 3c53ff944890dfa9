import { For, Show } from 'solid-js'
import IconBuilding from '~icons/lucide/building-2'
import IconStore from '~icons/lucide/store'
import { managedAgencies } from '../agency/agency-api.ts'
import { agencyText } from '../agency/agency-strings.ts'
import { agencyHref, follow } from '../agency/nav.ts'
import { t } from '../app/i18n.ts'
import { navigate, routePath } from '../app/router.ts'
import { me } from '../app/session.ts'

/**
 * The malls the staff member works in (from `/api/platform/me`); one click opens its pages.
 * Agency owners and admins also get a way into their agency's client malls.
 */
export function MallPicker() {
  const malls = () => me()?.malls ?? []
  const agencies = () => managedAgencies(me())
  return (
    <main class="ck-main">
      <Show when={agencies().length > 0}>
        <h1>{agencyText().agencyConsole}</h1>
        <ul class="ck-list">
          <For each={agencies()}>
            {(agency) => (
              <li>
                <a
                  class="ck-list__row"
                  href={agencyHref([agency.id])}
                  onClick={follow([agency.id])}
                >
                  <IconBuilding aria-hidden="true" />
                  <span class="ck-list__title">{agencyText().openAgency(agency.name)}</span>
                  <span class="ck-badge">{agency.role}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
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
