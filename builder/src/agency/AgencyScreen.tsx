import { createEffect, For, Match, Show, Switch } from 'solid-js'
import IconBuilding from '~icons/lucide/building-2'
import { me } from '../app/session.ts'
import { managedAgencies } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { AgencyTabs } from './AgencyTabs.tsx'
import { CreateMall } from './CreateMall.tsx'
import { MallDetail } from './MallDetail.tsx'
import { MallList } from './MallList.tsx'
import { agencyHref, follow, goAgency } from './nav.ts'
import { TemplateList } from './TemplateList.tsx'
import './agency.css'

/**
 * The agency's screens below `/console/agency`: `{agencyId}` (client malls), `{agencyId}/new`,
 * `{agencyId}/malls/{tenantId}` and `{agencyId}/templates`. With no agency in the path, the
 * staff member's only agency opens, or they choose one.
 */
export function AgencyScreen(p: { path: readonly string[] }) {
  const agencyId = () => p.path[0]
  const agency = () => managedAgencies(me()).find((a) => a.id === agencyId())
  return (
    <main class="ck-main ak-agency">
      <Show when={agency()} fallback={<AgencyChooser />}>
        {(current) => (
          <>
            <p class="ck-muted ak-agency__name">
              <IconBuilding aria-hidden="true" /> {agencyText().agencyConsole} · {current().name}
            </p>
            <Switch>
              <Match when={p.path[1] === 'new'}>
                <CreateMall agencyId={current().id} />
              </Match>
              <Match when={p.path[1] === 'malls' && p.path[2]}>
                {(tenantId) => <MallDetail agencyId={current().id} tenantId={tenantId()} />}
              </Match>
              <Match when={p.path[1] === 'templates'}>
                <AgencyTabs agencyId={current().id} current="templates" />
                <TemplateList agencyId={current().id} />
              </Match>
              <Match when={true}>
                <AgencyTabs agencyId={current().id} current="malls" />
                <MallList agencyId={current().id} />
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </main>
  )
}

/** Opens the only agency, or lists them to choose from. */
function AgencyChooser() {
  const agencies = () => managedAgencies(me())
  createEffect(() => {
    const only = agencies()
    if (only.length === 1 && only[0]) goAgency([only[0].id], { replace: true })
  })
  return (
    <>
      <h1>{agencyText().chooseAgency}</h1>
      <Show when={agencies().length > 0} fallback={<p class="ck-muted">{agencyText().noAgency}</p>}>
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
                  <span class="ck-list__title">{agency.name}</span>
                  <span class="ck-badge">{agency.role}</span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  )
}
