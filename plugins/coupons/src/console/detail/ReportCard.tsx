import { createResource, Show } from 'solid-js'
import { locale } from '../../../../../builder/src/app/i18n.ts'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import { reportOf, type TemplateView } from '../client.ts'
import { text } from '../strings.ts'

/** Claimed, used, redemption rate, discount given and order value driven, for one coupon. */
export function ReportCard(p: { slug: string; template: TemplateView }) {
  const t = () => text()
  // Reloaded whenever the coupon changes (a status change, an issue).
  const [report, { refetch }] = createResource(
    () => ({ id: p.template.id, at: p.template.updatedAt, issued: p.template.issued }),
    ({ id }) => reportOf(p.slug, id),
  )
  const percent = (rate: number) =>
    new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate)
  return (
    <section class="ck-card mk-coupons-report" aria-labelledby="coupon-report">
      <h2 id="coupon-report">{t().report}</h2>
      <Show
        when={!report.error}
        fallback={
          <p class="ck-error" role="alert">
            {t().loadFailed}{' '}
            <button type="button" class="ck-btn" onClick={() => void refetch()}>
              ↻
            </button>
          </p>
        }
      >
        <Show when={report()} fallback={<p class="ck-muted">…</p>}>
          {(r) => (
            <dl class="mk-coupons-figures" data-testid="coupon-report">
              <div data-figure="claimed">
                <dt>{t().reportClaimed}</dt>
                <dd>
                  {p.template.totalQuantity === null
                    ? r().claimed
                    : t().of(r().claimed, String(p.template.totalQuantity))}
                </dd>
              </div>
              <div data-figure="used">
                <dt>{t().used}</dt>
                <dd>{r().used}</dd>
              </div>
              <div data-figure="locked">
                <dt>{t().locked}</dt>
                <dd>{r().locked}</dd>
              </div>
              <div data-figure="returned">
                <dt>{t().returned}</dt>
                <dd>{r().returned}</dd>
              </div>
              <div data-figure="redemption-rate">
                <dt>{t().redemptionRate}</dt>
                <dd>{percent(r().redemptionRate)}</dd>
              </div>
              <div data-figure="discount">
                <dt>{t().discountGiven}</dt>
                <dd>{formatMoney(r().discountGiven, r().currency)}</dd>
              </div>
              <div data-figure="order-value">
                <dt>{t().orderValue}</dt>
                <dd>{formatMoney(r().orderValue, r().currency)}</dd>
              </div>
            </dl>
          )}
        </Show>
      </Show>
    </section>
  )
}
