import { For } from 'solid-js'
import type { SetStoreFunction } from 'solid-js/store'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import type { CouponForm } from './form-state.ts'
import { errorOf } from './form-state.ts'

/** What each part of the coupon form gets: the form, its setter and the errors by API field. */
export interface PartProps {
  form: CouponForm
  set: SetStoreFunction<CouponForm>
  errors: Record<string, string>
}

type TextKey = {
  [K in keyof CouponForm]: CouponForm[K] extends string ? K : never
}[keyof CouponForm]

/** A text input bound to `form[key]`, its error read from the API field `field`. */
export function TextField(
  p: PartProps & {
    key: TextKey
    field: string
    label: string
    help?: string | undefined
    inputMode?: 'decimal' | 'numeric' | 'text'
    type?: 'text' | 'datetime-local'
  },
) {
  return (
    <Field label={p.label} id={`coupon-${p.key}`} help={p.help} error={errorOf(p.errors, p.field)}>
      {(aria) => (
        <input
          {...aria}
          type={p.type ?? 'text'}
          inputMode={p.inputMode ?? 'text'}
          value={p.form[p.key]}
          onInput={(e) => p.set(p.key, e.currentTarget.value)}
        />
      )}
    </Field>
  )
}

/** A group of radio buttons bound to `value`. */
export function Choice<V extends string>(p: {
  legend: string
  name: string
  value: V
  options: readonly { value: V; label: string }[]
  onChange: (value: V) => void
  /** When the surrounding fieldset already says it. */
  hideLegend?: boolean
}) {
  return (
    <fieldset class="mk-coupons-choice">
      <legend class={p.hideLegend ? 'ck-sr' : 'ck-field__label'}>{p.legend}</legend>
      <For each={p.options}>
        {(option) => (
          <label>
            <input
              type="radio"
              name={p.name}
              value={option.value}
              checked={p.value === option.value}
              onChange={() => p.onChange(option.value)}
            />{' '}
            {option.label}
          </label>
        )}
      </For>
    </fieldset>
  )
}

/** A checkbox with its help under it. */
export function Toggle(p: {
  id: string
  label: string
  help: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <div class="ck-field">
      <label class="mk-coupons-toggle">
        <input
          id={p.id}
          type="checkbox"
          aria-describedby={`${p.id}-help`}
          checked={p.checked}
          onChange={(e) => p.onChange(e.currentTarget.checked)}
        />{' '}
        {p.label}
      </label>
      <span class="ck-help" id={`${p.id}-help`}>
        {p.help}
      </span>
    </div>
  )
}
