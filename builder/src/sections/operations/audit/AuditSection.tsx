import { createResource, createSignal, For, Show } from 'solid-js'
import { api, mallApi } from '../../../app/api.ts'
import { ListView, type ListPage } from '../../../kit/ListView.tsx'
import type { SectionProps } from '../../section.ts'
import { DateRange } from '../shared/DateRange.tsx'
import { formatTime } from '../shared/format.ts'
import { dayEnd, dayStart } from '../shared/http.ts'
import { staffApi } from '../staff/staff-api.ts'
import { auditText } from './audit-strings.ts'
import { AuditTarget } from './AuditTarget.tsx'
import '../shared/operations.css'

interface AuditEntry {
  id: string
  actorKind: string
  actorId: string | null
  actorName: string | null
  action: string
  target: string | null
  data: Record<string, unknown>
  createdAt: string
}

/** The mall's audit log, newest first: by action prefix, by who acted, by day. */
export default function AuditSection(p: SectionProps) {
  const text = auditText
  const [actor, setActor] = createSignal('')
  const [from, setFrom] = createSignal('')
  const [to, setTo] = createSignal('')
  // The actor filter lists the members; without the right to see them it is left out.
  const [members] = createResource(
    () => (p.permissions.has('core:staff.manage') ? p.slug : false),
    staffApi.members,
  )
  return (
    <ListView<AuditEntry>
      load={(query) => api<ListPage<AuditEntry>>(mallApi(p.slug, `/audit-log?${query}`))}
      filters={{ actor: actor() || undefined, from: dayStart(from()), to: dayEnd(to()) }}
      searchLabel={text().search}
      toolbar={
        <span class="ops-filters">
          <Show when={members()}>
            <label for="audit-actor">{text().actor}</label>
            <select
              id="audit-actor"
              value={actor()}
              onChange={(e) => setActor(e.currentTarget.value)}
            >
              <option value="">{text().anyone}</option>
              <For each={members()?.items}>
                {(m) => <option value={m.userId}>{m.name || m.email}</option>}
              </For>
            </select>
          </Show>
          <DateRange idPrefix="audit" from={from()} to={to()} onFrom={setFrom} onTo={setTo} />
        </span>
      }
      empty={<p>{text().empty}</p>}
      head={
        <>
          <th>{text().when}</th>
          <th>{text().actor}</th>
          <th>{text().action}</th>
          <th>{text().target}</th>
          <th>{text().details}</th>
        </>
      }
      row={(entry) => (
        <>
          <td>{formatTime(entry.createdAt)}</td>
          <td>
            {entry.actorName ?? ''}{' '}
            <span class="ck-muted">{text().kind[entry.actorKind] ?? entry.actorKind}</span>
          </td>
          <td>
            <code>{entry.action}</code>
          </td>
          <td>
            <AuditTarget slug={p.slug} target={entry.target} />
          </td>
          <td class="ops-json">
            {Object.keys(entry.data).length ? JSON.stringify(entry.data) : ''}
          </td>
        </>
      )}
    />
  )
}
