import { createResource, createSignal, For, Show } from 'solid-js'
import IconSearch from '~icons/lucide/search'
import type { SectionProps } from '../../section.ts'
import { opsText } from '../shared/strings.ts'
import { AddMemberForm } from './AddMemberForm.tsx'
import { PermissionMatrix } from './PermissionMatrix.tsx'
import { staffApi } from './staff-api.ts'
import { staffText } from './staff-strings.ts'
import { StaffRow } from './StaffRow.tsx'
import '../shared/operations.css'

/** Staff and roles: the members with their roles, adding one, and what each role may do. */
export default function StaffSection(p: SectionProps) {
  const text = staffText
  const [members, { refetch }] = createResource(() => p.slug, staffApi.members)
  const [query, setQuery] = createSignal('')
  const shown = () => {
    const q = query().trim().toLowerCase()
    const items = members()?.items ?? []
    return q ? items.filter((m) => `${m.name} ${m.email}`.toLowerCase().includes(q)) : items
  }
  const [notice, setNotice] = createSignal('')
  const [failure, setFailure] = createSignal('')
  const changed = (says: string) => {
    setFailure('')
    setNotice(says)
    void refetch()
  }
  return (
    <>
      <Show when={notice()}>
        <p class="ck-notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={failure()}>
        <p class="ck-error" role="alert">
          {failure()}
        </p>
      </Show>
      <section class="ck-card ops-card">
        <h2>{text().members}</h2>
        <label class="ck-search ops-member-search">
          <IconSearch aria-hidden="true" />
          <span class="ck-sr">{text().search}</span>
          <input
            type="search"
            placeholder={text().search}
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <Show when={!members.error} fallback={<p class="ck-error">{opsText().loadFailed}</p>}>
          <Show
            when={(members()?.items.length ?? 1) > 0}
            fallback={<p class="ck-empty">{text().empty}</p>}
          >
            <table class="ck-table">
              <thead>
                <tr>
                  <th>{text().name}</th>
                  <th>{text().email}</th>
                  <th>{text().roleCol}</th>
                  <th>{text().since}</th>
                  <th>{text().actions}</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(member) => (
                    <tr>
                      <StaffRow
                        slug={p.slug}
                        member={member}
                        onChanged={changed}
                        onFailed={(message) => {
                          setNotice('')
                          setFailure(message)
                        }}
                      />
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Show>
      </section>
      <div class="ops-narrow">
        <AddMemberForm slug={p.slug} onAdded={changed} />
      </div>
      <PermissionMatrix slug={p.slug} />
    </>
  )
}
