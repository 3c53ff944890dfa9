import { createSignal, Show } from 'solid-js'

/**
 * One way to pay from the customer's account (points, balance): a checkbox, and while ticked an
 * amount input checked in place (sent when it leaves the field), with what the order gets off.
 */
export function PayWithRow(p: {
  id: string
  label: string
  available: string
  amountLabel: string
  help: string
  on: boolean
  value: string
  /** What the priced order takes off through this row, once ticked. */
  result: string | undefined
  inputMode: 'numeric' | 'decimal'
  parse: (typed: string) => number | null
  invalid: string
  onToggle: (on: boolean) => void
  onValue: (value: number) => void
}) {
  const [error, setError] = createSignal<string>()
  const commit = (typed: string) => {
    const value = p.parse(typed)
    setError(value === null ? p.invalid : undefined)
    if (value !== null) p.onValue(value)
  }
  return (
    <div class="mk-member-pay">
      <label class="mk-member-pay__toggle">
        <input
          type="checkbox"
          name={p.id}
          checked={p.on}
          onChange={(e) => {
            setError(undefined)
            p.onToggle(e.currentTarget.checked)
          }}
        />
        <span>
          <strong>{p.label}</strong> <span class="mk-muted">{p.available}</span>
        </span>
      </label>
      <Show when={p.on}>
        <div class="mk-member-pay__amount">
          <label for={`${p.id}-amount`}>{p.amountLabel}</label>
          <input
            id={`${p.id}-amount`}
            type="text"
            inputmode={p.inputMode}
            value={p.value}
            aria-invalid={Boolean(error())}
            aria-describedby={`${p.id}-help ${p.id}-error`}
            onChange={(e) => commit(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter applies the amount instead of submitting the order.
              if (e.key === 'Enter') {
                e.preventDefault()
                commit(e.currentTarget.value)
              }
            }}
          />
          <span class="mk-muted" id={`${p.id}-help`}>
            {p.help}
          </span>
          <span class="mk-member-pay__error" id={`${p.id}-error`} role="alert">
            {error() ?? ''}
          </span>
          <strong class="mk-member-pay__result" aria-live="polite">
            {p.result ?? ''}
          </strong>
        </div>
      </Show>
    </div>
  )
}
