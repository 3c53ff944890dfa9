import { createResource, createSignal, Match, Show, Switch } from 'solid-js'
import { mallAccess } from '../../../../../builder/src/app/mall-access.ts'
import type { SectionProps } from '../../../../../builder/src/sections/section.ts'
import { getTemplate, ISSUE, MANAGE, type TemplateView } from '../client.ts'
import { benefitSummary, validitySummary } from '../describe.ts'
import { setFlash, takeFlash } from '../flash.ts'
import { CouponForm } from '../form/CouponForm.tsx'
import { StatusBadge } from '../StatusBadge.tsx'
import { text } from '../strings.ts'
import { IssuePanel } from './IssuePanel.tsx'
import { ReportCard } from './ReportCard.tsx'
import { StatusActions } from './StatusActions.tsx'

/** One coupon: what it is, its status actions, its report and issuing; `edit` shows the form. */
export function CouponDetail(p: SectionProps & { id: string; edit: boolean }) {
  const t = () => text()
  const [template, { mutate, refetch }] = createResource(
    () => p.id,
    (id) => getTemplate(p.slug, id),
  )
  const currency = () => mallAccess(p.slug)()?.mall.currency ?? 'CNY'
  const can = (permission: string) => p.permissions.has(permission)
  const [flash, setNotice] = createSignal(takeFlash())
  return (
    <div class="mk-coupons">
      <p>
        <a
          href={p.href([])}
          onClick={(e) => {
            e.preventDefault()
            p.go([])
          }}
        >
          ← {t().back}
        </a>
      </p>
      <Switch fallback={<p class="ck-muted">…</p>}>
        <Match when={template.error}>
          <p class="ck-notice" role="alert">
            {t().notFound}
          </p>
        </Match>
        <Match when={template()}>
          {(current) => (
            <Show
              when={!(p.edit && can(MANAGE) && current().status !== 'ended')}
              fallback={
                <CouponForm
                  slug={p.slug}
                  template={current()}
                  onSaved={(saved: TemplateView) => {
                    mutate(saved)
                    setFlash(t().saved)
                    p.go([saved.id])
                  }}
                  onCancel={() => p.go([current().id])}
                />
              }
            >
              <Show when={flash()}>
                <p class="mk-coupons-ok" role="status">
                  {flash()}
                </p>
              </Show>
              <Overview template={current()} currency={currency()} />
              <Show when={can(MANAGE)}>
                <StatusActions
                  slug={p.slug}
                  template={current()}
                  onChange={(next) => {
                    setNotice('')
                    mutate(next)
                  }}
                  onEdit={() => p.go([current().id, 'edit'])}
                />
                <ReportCard slug={p.slug} template={current()} />
              </Show>
              <Show when={can(ISSUE) && can('core:customers.read')}>
                <Show
                  when={current().status === 'live' || current().status === 'paused'}
                  fallback={<p class="ck-muted">{t().issueClosed}</p>}
                >
                  <IssuePanel slug={p.slug} template={current()} onIssued={() => void refetch()} />
                </Show>
              </Show>
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  )
}

/** The coupon at a glance. */
function Overview(p: { template: TemplateView; currency: string }) {
  const t = () => text()
  return (
    <section class="mk-coupons-overview">
      <h2>
        {p.template.name} <StatusBadge status={p.template.status} />
      </h2>
      <Show when={p.template.description}>
        <p class="ck-muted">{p.template.description}</p>
      </Show>
      <dl class="mk-coupons-facts">
        <dt>{t().benefit}</dt>
        <dd data-testid="coupon-benefit">{benefitSummary(p.template.benefit, p.currency)}</dd>
        <dt>{t().validity}</dt>
        <dd>{validitySummary(p.template.validity)}</dd>
        <dt>{t().claimed}</dt>
        <dd>
          {p.template.issued} / {p.template.totalQuantity ?? t().unlimited}
        </dd>
        <dt>{t().codes}</dt>
        <dd>{p.template.codes.length ? p.template.codes.join(', ') : t().codesNone}</dd>
      </dl>
      <Show when={!p.template.public}>
        <p class="ck-muted">{t().notListed}</p>
      </Show>
    </section>
  )
}
