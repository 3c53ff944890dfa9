import { Match, Switch } from 'solid-js'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { text } from '../strings.ts'
import { TextField, type PartProps } from './fields.tsx'
import type { BenefitKind } from './form-state.ts'

const KINDS: readonly BenefitKind[] = [
  'amount_off_threshold',
  'amount_off',
  'percent_off',
  'free_shipping',
]

/** The coupon's kind and what it takes off: the inputs follow the kind chosen. */
export function BenefitFields(p: PartProps & { locked: boolean }) {
  const t = () => text()
  return (
    <fieldset class="mk-coupons-part" disabled={p.locked}>
      <legend>{t().benefit}</legend>
      <Field label={t().kind} id="coupon-kind" error={p.errors['benefit.kind']}>
        {(aria) => (
          <select
            {...aria}
            value={p.form.kind}
            onChange={(e) => p.set('kind', e.currentTarget.value as BenefitKind)}
          >
            {KINDS.map((kind) => (
              <option value={kind} selected={p.form.kind === kind}>
                {t().kinds[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="mk-coupons-row">
        <Switch>
          <Match when={p.form.kind === 'amount_off_threshold'}>
            <TextField
              {...p}
              key="threshold"
              field="benefit.threshold"
              label={t().threshold}
              help={t().thresholdHelp}
              inputMode="decimal"
            />
            <TextField
              {...p}
              key="amount"
              field="benefit.amount"
              label={t().amount}
              inputMode="decimal"
            />
          </Match>
          <Match when={p.form.kind === 'amount_off'}>
            <TextField
              {...p}
              key="amount"
              field="benefit.amount"
              label={t().amount}
              inputMode="decimal"
            />
          </Match>
          <Match when={p.form.kind === 'percent_off'}>
            <TextField
              {...p}
              key="percent"
              field="benefit.percent"
              label={t().percent}
              help={t().percentHelp}
              inputMode="numeric"
            />
            <TextField
              {...p}
              key="cap"
              field="benefit.cap"
              label={t().cap}
              help={t().capHelp}
              inputMode="decimal"
            />
          </Match>
          <Match when={p.form.kind === 'free_shipping'}>
            <TextField
              {...p}
              key="cap"
              field="benefit.cap"
              label={t().cap}
              help={t().shippingCapHelp}
              inputMode="decimal"
            />
          </Match>
        </Switch>
      </div>
    </fieldset>
  )
}
