import { createSignal, Show } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import { mallAccess } from '../../../../builder/src/app/mall-access.ts'
import { ListView } from '../../../../builder/src/kit/ListView.tsx'
import type { SectionProps } from '../../../../builder/src/sections/section.ts'
import { listTemplates, MANAGE, type TemplateStatus, type TemplateView } from './client.ts'
import { benefitSummary, validitySummary } from './describe.ts'
import { StatusBadge } from './StatusBadge.tsx'
import { text } from './strings.ts'

const STATUSES: readonly TemplateStatus[] = ['draft', 'live', 'paused', 'ended']

/** The mall's coupons: searchable by name or code, filtered by status, newest first. */
export function CouponList(p: SectionProps) {
  const t = () => text()
  const [status, setStatus] = createSignal<TemplateStatus | ''>('')
  const currency = () => mallAccess(p.slug)()?.mall.currency ?? 'CNY'
  const open = (id: string) => (e: MouseEvent) => {
    e.preventDefault()
    p.go([id])
  }
  return (
    <div class="mk-coupons">
      <ListView<TemplateView>
        load={(query) => listTemplates(p.slug, query)}
        filters={{ status: status() || undefined }}
        searchLabel={t().searchCoupons}
        toolbar={
          <>
            <label class="mk-coupons-filter">
              <span class="ck-sr">{t().statusFilter}</span>
              <select
                aria-label={t().statusFilter}
                value={status()}
                onChange={(e) => setStatus(e.currentTarget.value as TemplateStatus | '')}
              >
                <option value="">{t().allStatuses}</option>
                {STATUSES.map((s) => (
                  <option value={s} selected={status() === s}>
                    {t()[s]}
                  </option>
                ))}
              </select>
            </label>
            <Show when={p.permissions.has(MANAGE)}>
              <a
                class="ck-btn ck-btn--primary"
                href={p.href(['new'])}
                onClick={(e) => {
                  e.preventDefault()
                  p.go(['new'])
                }}
              >
                <IconPlus aria-hidden="true" /> {t().newCoupon}
              </a>
            </Show>
          </>
        }
        empty={status() ? t().emptyFiltered : t().empty}
        head={
          <>
            <th>{t().name}</th>
            <th>{t().benefit}</th>
            <th>{t().validity}</th>
            <th class="ck-num">{t().claimed}</th>
            <th>{t().status}</th>
          </>
        }
        row={(item) => (
          <>
            <td>
              <a href={p.href([item.id])} onClick={open(item.id)}>
                {item.name}
              </a>
            </td>
            <td>{benefitSummary(item.benefit, currency())}</td>
            <td class="ck-muted">{validitySummary(item.validity)}</td>
            <td class="ck-num">
              {item.issued} / {item.totalQuantity ?? t().unlimited}
            </td>
            <td>
              <StatusBadge status={item.status} />
            </td>
          </>
        )}
      />
    </div>
  )
}
