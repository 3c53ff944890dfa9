import { Show } from 'solid-js'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { text } from '../strings.ts'
import { Choice, TextField, Toggle, type PartProps } from './fields.tsx'
import { errorOf, type AudienceKind } from './form-state.ts'
import { SegmentField } from './SegmentField.tsx'

/** When claimed coupons can be used. */
export function ValidityFields(p: PartProps) {
  const t = () => text()
  return (
    <fieldset class="mk-coupons-part">
      <legend>{t().validity}</legend>
      <Choice<'window' | 'relative'>
        legend={t().validityKind}
        name="coupon-validity"
        value={p.form.validityKind}
        options={[
          { value: 'relative', label: t().validityRelative },
          { value: 'window', label: t().validityWindow },
        ]}
        onChange={(kind) => p.set('validityKind', kind)}
      />
      <Show
        when={p.form.validityKind === 'window'}
        fallback={
          <TextField {...p} key="days" field="validity.days" label={t().days} inputMode="numeric" />
        }
      >
        <div class="mk-coupons-row">
          <TextField
            {...p}
            key="from"
            field="validity.from"
            label={t().from}
            type="datetime-local"
          />
          <TextField
            {...p}
            key="until"
            field="validity.until"
            label={t().until}
            type="datetime-local"
          />
        </div>
      </Show>
    </fieldset>
  )
}

/** How many, to whom, and how the coupon is found and combined. */
export function LimitFields(p: PartProps & { locked: boolean; editing: boolean; slug: string }) {
  const t = () => text()
  return (
    <fieldset class="mk-coupons-part">
      <legend>{t().limits}</legend>
      <div class="mk-coupons-row">
        <TextField
          {...p}
          key="totalQuantity"
          field="totalQuantity"
          label={t().totalQuantity}
          help={t().totalQuantityHelp}
          inputMode="numeric"
        />
        <TextField
          {...p}
          key="perCustomerLimit"
          field="perCustomerLimit"
          label={t().perCustomerLimit}
          inputMode="numeric"
        />
      </div>
      <fieldset class="mk-coupons-plain" disabled={p.locked}>
        <Choice<AudienceKind>
          legend={t().audience}
          name="coupon-audience"
          value={p.form.audienceKind}
          options={[
            { value: 'everyone', label: t().everyone },
            { value: 'new_customers', label: t().newCustomers },
            { value: 'segment', label: t().segment },
          ]}
          onChange={(kind) => p.set('audienceKind', kind)}
        />
        <Show when={p.form.audienceKind === 'segment'}>
          <SegmentField {...p} />
        </Show>
        <Toggle
          id="coupon-combinable"
          label={t().combinable}
          help={t().combinableHelp}
          checked={p.form.combinableWithPromotions}
          onChange={(on) => p.set('combinableWithPromotions', on)}
        />
      </fieldset>
      <Toggle
        id="coupon-public"
        label={t().public}
        help={t().publicHelp}
        checked={p.form.public}
        onChange={(on) => p.set('public', on)}
      />
      <Field
        label={t().codes}
        id="coupon-codes"
        help={p.editing ? `${t().codesHelp} ${t().codesEditHelp}` : t().codesHelp}
        error={errorOf(p.errors, 'codes')}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            class="mk-coupons-ids"
            value={p.form.codes}
            onInput={(e) => p.set('codes', e.currentTarget.value)}
          />
        )}
      </Field>
    </fieldset>
  )
}
