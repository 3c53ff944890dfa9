import { opsText } from './strings.ts'

/** Two date inputs bounding a list by day ("from" and "to", both inclusive). */
export function DateRange(p: {
  idPrefix: string
  from: string
  to: string
  onFrom: (value: string) => void
  onTo: (value: string) => void
}) {
  return (
    <span class="ops-dates">
      <label for={`${p.idPrefix}-from`}>{opsText().from}</label>
      <input
        id={`${p.idPrefix}-from`}
        type="date"
        value={p.from}
        max={p.to || undefined}
        onChange={(e) => p.onFrom(e.currentTarget.value)}
      />
      <label for={`${p.idPrefix}-to`}>{opsText().to}</label>
      <input
        id={`${p.idPrefix}-to`}
        type="date"
        value={p.to}
        min={p.from || undefined}
        onChange={(e) => p.onTo(e.currentTarget.value)}
      />
    </span>
  )
}
