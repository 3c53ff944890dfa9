import { createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../../../builder/src/kit/ConfirmButton.tsx'
import { ListView } from '../../../../../builder/src/kit/ListView.tsx'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { confirmTopUp, listTopUps, type TopUp } from '../client.ts'
import { text } from '../strings.ts'

/**
 * Top-ups customers ordered and have not paid yet (paid offline: cash, transfer): staff search
 * them by customer and confirm one once its money arrived, after a confirmation; the amount and
 * the bonus are then credited once.
 */
export function PendingTopUps(p: { slug: string; money: (minor: number) => string }) {
  const t = () => text()
  const [notice, setNotice] = createSignal<{ text: string; ok: boolean }>()
  let reload = () => {}
  const confirm = async (topUp: TopUp) => {
    try {
      await confirmTopUp(p.slug, topUp.id)
      setNotice({ text: t().topUpConfirmed(topUp.customerName), ok: true })
      reload()
    } catch (error) {
      setNotice({ text: problemMessages(error).message, ok: false })
    }
  }
  return (
    <section aria-labelledby="pending-top-ups">
      <h2 id="pending-top-ups">{t().pendingTopUps}</h2>
      <Show when={notice()}>
        {(n) => (
          <p class={n().ok ? 'ck-notice' : 'ck-error'} role="status">
            {n().text}
          </p>
        )}
      </Show>
      <ListView<TopUp>
        load={(query) => listTopUps(p.slug, query)}
        filters={{ status: 'pending' }}
        searchLabel={t().searchTopUps}
        empty={(search) => (search ? t().noTopUpMatch : t().noPendingTopUps)}
        ref={(controls) => (reload = controls.reload)}
        head={
          <>
            <th>{t().topUpCustomer}</th>
            <th class="ck-num">{t().pay}</th>
            <th class="ck-num">{t().bonus}</th>
            <th>{t().orderedAt}</th>
            <th />
          </>
        }
        row={(topUp) => (
          <>
            <td>
              {topUp.customerName}
              <span class="ck-muted"> {topUp.customerPhone ?? topUp.customerEmail ?? ''}</span>
            </td>
            <td class="ck-num">{p.money(topUp.amount)}</td>
            <td class="ck-num">{p.money(topUp.bonus)}</td>
            <td>{new Date(topUp.createdAt).toLocaleString()}</td>
            <td>
              <ConfirmButton
                question={t().confirmTopUp(topUp.customerName, p.money(topUp.amount + topUp.bonus))}
                onConfirm={() => confirm(topUp)}
              >
                {t().markPaid}
              </ConfirmButton>
            </td>
          </>
        )}
      />
    </section>
  )
}
