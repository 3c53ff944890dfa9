import { createSignal, For, Show } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import { ListView } from '../kit/ListView.tsx'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { agencyHref, follow } from './nav.ts'
import { StatusBadge } from './StatusBadge.tsx'

/** The agency's client malls with status, plan and domains; searchable, filterable, paginated. */
export function MallList(p: { agencyId: string }) {
  const text = agencyText
  const [status, setStatus] = createSignal('')
  return (
    <ListView<ClientMall>
      load={(query) => agencyApi.malls(p.agencyId, query)}
      filters={{ status: status() || undefined }}
      searchLabel={text().searchMalls}
      toolbar={
        <>
          <label class="ak-filter">
            <span class="ck-sr">{text().statusFilter}</span>
            <select value={status()} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">{text().allStatuses}</option>
              <option value="active">{text().active}</option>
              <option value="suspended">{text().suspended}</option>
            </select>
          </label>
          <a
            class="ck-btn ck-btn--primary"
            href={agencyHref([p.agencyId, 'new'])}
            onClick={follow([p.agencyId, 'new'])}
          >
            <IconPlus aria-hidden="true" /> {text().newMall}
          </a>
        </>
      }
      empty={<p>{status() ? text().noMallsFound : text().noMalls}</p>}
      head={
        <>
          <th>{text().name}</th>
          <th>{text().status}</th>
          <th>{text().plan}</th>
          <th>{text().domains}</th>
          <th>{text().owners}</th>
        </>
      }
      row={(mall) => (
        <>
          <td>
            <a
              href={agencyHref([p.agencyId, 'malls', mall.id])}
              onClick={follow([p.agencyId, 'malls', mall.id])}
            >
              {mall.name}
            </a>
            <div class="ck-muted">{mall.slug}</div>
          </td>
          <td>
            <StatusBadge status={mall.status} />
          </td>
          <td>{mall.planId}</td>
          <td>
            <Show
              when={mall.domains.length}
              fallback={<span class="ck-muted">{text().noDomains}</span>}
            >
              <For each={mall.domains}>{(host) => <div>{host}</div>}</For>
            </Show>
          </td>
          <td>
            <For each={mall.owners}>{(owner) => <div>{owner.email}</div>}</For>
          </td>
        </>
      )}
    />
  )
}
