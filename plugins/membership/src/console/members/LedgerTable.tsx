import { For, Show } from 'solid-js'
import type { Entry } from '../client.ts'
import { kindText, text } from '../strings.ts'

/** A ledger's latest entries: when, what, why, by how much and what was left. */
export function LedgerTable(p: {
  entries: readonly Entry[]
  /** How an amount of this ledger reads (money for the balance). */
  format: (n: number) => string
}) {
  const t = () => text()
  const signed = (n: number) => (n > 0 ? `+${p.format(n)}` : p.format(n))
  return (
    <Show when={p.entries.length > 0} fallback={<p class="ck-empty">{t().noEntries}</p>}>
      <table class="ck-table">
        <thead>
          <tr>
            <th>{t().when}</th>
            <th>{t().kind}</th>
            <th>{t().reason}</th>
            <th class="ck-num">{t().change}</th>
            <th class="ck-num">{t().after}</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.entries}>
            {(entry) => (
              <tr>
                <td class="ck-muted">{new Date(entry.createdAt).toLocaleString()}</td>
                <td>{kindText()[entry.kind] ?? entry.kind}</td>
                <td>{entry.reason}</td>
                <td class="ck-num" classList={{ 'mk-membership-in': entry.delta > 0 }}>
                  {signed(entry.delta)}
                </td>
                <td class="ck-num">{p.format(entry.balance)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  )
}
