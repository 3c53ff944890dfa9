import { createResource, For, Show } from 'solid-js'
import { localized } from '../../../../../builder/src/app/i18n.ts'
import { mallAccess } from '../../../../../builder/src/app/mall-access.ts'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { membershipReport } from '../client.ts'
import { text } from '../strings.ts'
import '../membership-console.css'

/**
 * The membership report: members per tier, points issued / redeemed / expired / outstanding, and
 * stored value outstanding, shown first as the liability it is.
 */
export default function ReportSection(p: SectionProps) {
  const t = () => text()
  const [report, { refetch }] = createResource(() => p.slug, membershipReport)
  const money = (n: number) => formatMoney(n, mallAccess(p.slug)()?.mall.currency ?? 'CNY')
  const Figure = (f: { label: string; value: string; strong?: boolean; liability?: boolean }) => (
    <div
      classList={{
        'mk-membership-figure': true,
        'mk-membership-figure--strong': f.strong,
        'mk-membership-figure--liability': f.liability,
      }}
    >
      <dt>{f.label}</dt>
      <dd>{f.value}</dd>
    </div>
  )
  return (
    <div class="mk-membership">
      <p class="ck-muted">{t().reportIntro}</p>
      <Show when={report.error}>
        <p class="ck-error" role="alert">
          {t().loadFailed}
          <button type="button" class="ck-btn" onClick={() => void refetch()}>
            {t().retry}
          </button>
        </p>
      </Show>
      <Show when={report()} fallback={<p class="ck-muted">{!report.error && t().loading}</p>}>
        {(r) => (
          <div class="mk-membership-report">
            <section class="ck-card" aria-labelledby="report-stored-value">
              <h2 id="report-stored-value">{t().storedValue}</h2>
              <dl class="mk-membership-figures">
                <Figure
                  label={t().liability}
                  value={money(r().storedValue.outstanding)}
                  strong
                  liability
                />
                <Figure label={t().toppedUp} value={money(r().storedValue.toppedUp)} />
                <Figure label={t().spent} value={money(r().storedValue.spent)} />
                <Figure label={t().adjustedByStaff} value={money(r().storedValue.adjusted)} />
              </dl>
            </section>
            <section class="ck-card" aria-labelledby="report-points">
              <h2 id="report-points">{t().pointsTitle}</h2>
              <dl class="mk-membership-figures">
                <Figure label={t().issued} value={String(r().points.issued)} />
                <Figure label={t().redeemed} value={String(r().points.redeemed)} />
                <Figure label={t().expired} value={String(r().points.expired)} />
                <Figure label={t().adjustedByStaff} value={String(r().points.adjusted)} />
                <Figure label={t().outstanding} value={String(r().points.outstanding)} strong />
              </dl>
            </section>
            <section class="ck-card" aria-labelledby="report-tiers">
              <h2 id="report-tiers">{t().membersPerTier}</h2>
              <table class="ck-table">
                <thead>
                  <tr>
                    <th>{t().tier}</th>
                    <th class="ck-num">{t().members}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().tiers}>
                    {(tier) => (
                      <tr>
                        <td>{localized(tier.name)}</td>
                        <td class="ck-num">{tier.members}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
          </div>
        )}
      </Show>
    </div>
  )
}
