import { createSignal, For, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { formatPrice } from '../../../../../tenant-ui/src/shared/format.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { HistoryProps } from '../../block-manifests.ts'
import { membershipApi, type Entry } from '../shared/api.ts'
import { BlockStates } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import { createPersonal } from '../shared/personal.ts'
import { entryLabel } from './entry-label.ts'
import '../shared/membership.css'

interface EntryPage {
  items: Entry[]
  nextCursor: string | null
}

/**
 * A customer's ledger, newest first, a page at a time: what moved (in the page's language, the
 * mall's own reason for its adjustments), when, by how much, and what was left.
 */
export function LedgerHistory(p: { props: HistoryProps; ledger: 'points' | 'balance' }) {
  const store = useStorefront()
  const t = inLocale(memberText, store.locale)
  const page = (cursor?: string) =>
    membershipApi<EntryPage>(
      store.base,
      `/${p.ledger}?limit=${p.props.pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
  const history = createPersonal(store.base, () => page())
  const [more, setMore] = createSignal<'idle' | 'busy' | 'failed'>('idle')
  const title = () => p.props.title || (p.ledger === 'points' ? t.pointsTitle : t.balanceTitle)
  const amount = (n: number) => (p.ledger === 'points' ? String(n) : formatPrice(n))
  const signed = (n: number) => (n > 0 ? `+${amount(n)}` : amount(n))
  const when = (iso: string) =>
    new Date(iso).toLocaleString(store.locale, { dateStyle: 'medium', timeStyle: 'short' })

  const loadMore = async (before: EntryPage) => {
    if (!before.nextCursor) return
    setMore('busy')
    try {
      const next = await page(before.nextCursor)
      history.set({ items: [...before.items, ...next.items], nextCursor: next.nextCursor })
      setMore('idle')
    } catch {
      setMore('failed')
    }
  }

  return (
    <section class={`mk-member mk-member--history`} aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <BlockStates
        value={history.value()}
        base={store.base}
        t={t}
        guest={t.loginToSee}
        onRetry={() => void history.reload()}
      >
        {(h) => (
          <Show
            when={h().items.length > 0}
            fallback={
              <p class="mk-member__state">
                {p.ledger === 'points' ? t.emptyPoints : t.emptyBalance}
              </p>
            }
          >
            <ul class="mk-member__entries">
              <For each={h().items}>
                {(entry) => (
                  <li class="mk-member__entry" data-kind={entry.kind}>
                    <div>
                      <strong>{entryLabel(entry, t)}</strong>
                      <Show when={entry.kind === 'adjust'}>
                        <span class="mk-member__reason">{entry.reason}</span>
                      </Show>
                      <time datetime={entry.createdAt}>{when(entry.createdAt)}</time>
                    </div>
                    <div class="mk-member__delta">
                      <strong classList={{ 'mk-member__delta--in': entry.delta > 0 }}>
                        {signed(entry.delta)}
                      </strong>
                      <span>{t.after(amount(entry.balance))}</span>
                    </div>
                  </li>
                )}
              </For>
            </ul>
            <Show when={h().nextCursor}>
              <button
                type="button"
                class="mk-member__button mk-member__button--ghost mk-member__button--block"
                disabled={more() === 'busy'}
                onClick={() => void loadMore(h())}
              >
                {more() === 'busy' ? t.loading : more() === 'failed' ? t.retry : t.loadMore}
              </button>
            </Show>
          </Show>
        )}
      </BlockStates>
    </section>
  )
}

/** The points history block (`membership/points-history`), for a custom page. */
export const PointsHistoryBlock = (p: { props: HistoryProps }) => (
  <LedgerHistory props={p.props} ledger="points" />
)

/** The balance history block (`membership/balance-history`), for a custom page. */
export const BalanceHistoryBlock = (p: { props: HistoryProps }) => (
  <LedgerHistory props={p.props} ledger="balance" />
)
