import { createResource, createSignal, For, Show } from 'solid-js'
import { localized } from '../../../../../builder/src/app/i18n.ts'
import { mallAccess } from '../../../../../builder/src/app/mall-access.ts'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { ADJUST, memberDetail, type Detail } from '../client.ts'
import { text } from '../strings.ts'
import { AdjustForm } from './AdjustForm.tsx'
import { LedgerTable } from './LedgerTable.tsx'

type LedgerName = 'points' | 'balance' | 'growth'
const LEDGERS: readonly LedgerName[] = ['points', 'balance', 'growth']

/** One member: tier and progress, the three counters, their latest ledger entries, adjusting. */
export function MemberDetail(p: SectionProps & { customerId: string }) {
  const t = () => text()
  const [detail, { refetch }] = createResource(
    () => p.customerId,
    (id) => memberDetail(p.slug, id),
  )
  const [tab, setTab] = createSignal<LedgerName>('points')
  const currency = () => mallAccess(p.slug)()?.mall.currency ?? 'CNY'
  const money = (n: number) => formatMoney(n, currency())
  const format = (ledger: LedgerName) => (ledger === 'balance' ? money : String)
  const back = (e: MouseEvent) => {
    e.preventDefault()
    p.go([])
  }
  return (
    <div class="mk-membership">
      <a class="ck-btn ck-btn--ghost" href={p.href([])} onClick={back}>
        ← {t().backToMembers}
      </a>
      <Show when={detail.error}>
        <p class="ck-error" role="alert">
          {t().loadFailed}
          <button type="button" class="ck-btn" onClick={() => void refetch()}>
            {t().retry}
          </button>
        </p>
      </Show>
      <Show when={detail()} fallback={<p class="ck-muted">{!detail.error && t().loading}</p>}>
        {(d) => (
          <div class="mk-membership-detail">
            <section class="ck-card">
              <h2>
                <span class="ck-badge">{localized(d().member.tier.name)}</span>
              </h2>
              <dl class="mk-membership-stats">
                <div>
                  <dt>{t().points}</dt>
                  <dd data-testid="detail-points">{d().member.points}</dd>
                </div>
                <div>
                  <dt>{t().balance}</dt>
                  <dd data-testid="detail-balance">{money(d().member.balance)}</dd>
                </div>
                <div>
                  <dt>{t().growth}</dt>
                  <dd>{d().member.periodGrowth}</dd>
                </div>
                <div>
                  <dt>{t().birthday}</dt>
                  <dd>{d().member.birthday ?? t().notSet}</dd>
                </div>
              </dl>
              <p class="ck-muted">
                {d().member.next
                  ? t().toNext(d().member.next!.missing, localized(d().member.next!.tier.name))
                  : t().topTier}
                {' · '}
                {t().evaluatedAt(d().member.evaluatedAt.slice(0, 10))}
              </p>
            </section>
            <section class="ck-card">
              <h2>{t().ledgers}</h2>
              <div class="ck-tabs mk-membership-tabs" role="tablist">
                <For each={LEDGERS}>
                  {(ledger) => (
                    <button
                      type="button"
                      role="tab"
                      aria-selected={tab() === ledger}
                      onClick={() => setTab(ledger)}
                    >
                      {t().ledgerNames[ledger]}
                    </button>
                  )}
                </For>
              </div>
              <div role="tabpanel" aria-label={t().ledgerNames[tab()]}>
                <LedgerTable entries={(d() as Detail)[tab()].items} format={format(tab())} />
              </div>
            </section>
            <Show
              when={p.permissions.has(ADJUST)}
              fallback={<p class="ck-muted">{t().noAdjust}</p>}
            >
              <AdjustForm
                slug={p.slug}
                customerId={p.customerId}
                currency={currency()}
                onAdjusted={() => void refetch()}
              />
            </Show>
          </div>
        )}
      </Show>
    </div>
  )
}
