import { agencyText } from './agency-strings.ts'

/** A mall's status as a badge. */
export function StatusBadge(p: { status: 'active' | 'suspended' }) {
  return (
    <span class={`ck-badge ak-status ak-status--${p.status}`}>
      {p.status === 'active' ? agencyText().active : agencyText().suspended}
    </span>
  )
}
