import { createResource, For, Show } from 'solid-js'
import IconCheck from '~icons/lucide/check'
import { locale, localized } from '../../../app/i18n.ts'
import { opsText } from '../shared/strings.ts'
import { staffApi, type PermissionRow } from './staff-api.ts'
import { corePermissionZh, staffText } from './staff-strings.ts'

/** Rows of permissions (the core's, then each plugin's under its name) × the fixed roles. */
export function PermissionMatrix(p: { slug: string }) {
  const text = staffText
  const [matrix] = createResource(() => p.slug, staffApi.permissions)
  const groups = () => {
    const byOwner = new Map<string, { title: string; rows: PermissionRow[] }>()
    for (const row of matrix()?.items ?? []) {
      const key = row.plugin?.id ?? ''
      const title = row.plugin ? localized(row.plugin.name) : text().core
      const group = byOwner.get(key) ?? { title, rows: [] }
      group.rows.push(row)
      byOwner.set(key, group)
    }
    return [...byOwner.values()]
  }
  const label = (row: PermissionRow) =>
    (locale() === 'zh-CN' && corePermissionZh[row.name]) || row.label
  return (
    <section class="ck-card ops-card">
      <h2>{text().matrix}</h2>
      <p class="ck-help">{text().matrixHelp}</p>
      <Show when={!matrix.error} fallback={<p class="ck-error">{opsText().loadFailed}</p>}>
        <table class="ck-table ops-matrix" aria-label={text().matrix}>
          <thead>
            <tr>
              <th scope="col">{text().permission}</th>
              <For each={matrix()?.roles}>{(role) => <th scope="col">{text().role[role]}</th>}</For>
            </tr>
          </thead>
          <For each={groups()}>
            {(group) => (
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={(matrix()?.roles.length ?? 0) + 1}>
                    {group.title}
                  </th>
                </tr>
                <For each={group.rows}>
                  {(row) => (
                    <tr>
                      <th scope="row">
                        {label(row)} <code>{row.name}</code>
                      </th>
                      <For each={matrix()?.roles}>
                        {(role) => (
                          <td>
                            <Show
                              when={row.roles.includes(role)}
                              fallback={
                                <span class="ck-muted" aria-label={text().no}>
                                  —
                                </span>
                              }
                            >
                              <IconCheck role="img" aria-label={text().yes} />
                            </Show>
                          </td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            )}
          </For>
        </table>
      </Show>
    </section>
  )
}
