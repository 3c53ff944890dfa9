import type { TemplateStatus } from './client.ts'
import { text } from './strings.ts'

/** A coupon's status as a coloured badge. */
export function StatusBadge(p: { status: TemplateStatus }) {
  return (
    <span
      class={`ck-badge mk-coupons-status mk-coupons-status--${p.status}`}
      data-status={p.status}
    >
      {text()[p.status]}
    </span>
  )
}
