import { For } from 'solid-js'
import IconMinus from '~icons/lucide/minus'
import IconPlus from '~icons/lucide/plus'
import { useStorefront } from '../../app/storefront-context.ts'
import { inLocale } from '../../shared/i18n.ts'
import type { SkuChoice, SpecRow } from './data.ts'
import { text } from './messages.ts'
import { isAvailable, type Selection } from './selection.ts'

/**
 * One row of options per spec dimension. An option is disabled when no SKU in stock has it
 * together with the values already chosen; a chosen option is pressed.
 */
export function SpecPicker(p: {
  specs: readonly SpecRow[]
  skus: readonly SkuChoice[]
  selection: Selection
  onPick: (key: string, value: string) => void
}) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  return (
    <For each={p.specs}>
      {(spec) => (
        <fieldset class="mk-spec">
          <legend class="mk-spec__name">{spec.name}</legend>
          <div class="mk-spec__values">
            <For each={spec.values}>
              {(value) => {
                const available = () => isAvailable(p.skus, p.selection, spec.key, value.key)
                return (
                  <button
                    type="button"
                    class="mk-spec__value"
                    aria-pressed={p.selection[spec.key] === value.key}
                    disabled={!available()}
                    aria-label={available() ? undefined : `${value.label} (${t.soldOutOption})`}
                    onClick={() => p.onPick(spec.key, value.key)}
                  >
                    {value.label}
                  </button>
                )
              }}
            </For>
          </div>
        </fieldset>
      )}
    </For>
  )
}

/** A quantity from 1 to `max` with minus and plus buttons and a number field between them. */
export function QuantityStepper(p: {
  value: number
  max: number
  disabled: boolean
  onChange: (value: number) => void
}) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const clamp = (n: number) => Math.min(Math.max(1, p.max), Math.max(1, Math.trunc(n) || 1))
  return (
    <div class="mk-stepper" role="group" aria-label={t.quantity}>
      <button
        type="button"
        class="mk-stepper__button"
        aria-label={t.decrease}
        disabled={p.disabled || p.value <= 1}
        onClick={() => p.onChange(clamp(p.value - 1))}
      >
        <IconMinus aria-hidden="true" />
      </button>
      <input
        class="mk-stepper__input"
        type="number"
        inputmode="numeric"
        min="1"
        max={Math.max(1, p.max)}
        value={p.value}
        disabled={p.disabled}
        aria-label={t.quantity}
        onChange={(event) => {
          const next = clamp(Number(event.currentTarget.value))
          event.currentTarget.value = String(next)
          p.onChange(next)
        }}
      />
      <button
        type="button"
        class="mk-stepper__button"
        aria-label={t.increase}
        disabled={p.disabled || p.value >= p.max}
        onClick={() => p.onChange(clamp(p.value + 1))}
      >
        <IconPlus aria-hidden="true" />
      </button>
    </div>
  )
}
