import { Field } from '../kit/Field.tsx'
import { agencyText } from './agency-strings.ts'

/** The owner a mall is created for or handed over to. */
export interface OwnerInput {
  email: string
  name: string
  password: string
}

/**
 * Email, name and initial password of a mall's owner, in a fieldset. `errors` are keyed by the
 * API's field names with `prefix` (`owner.email` when creating, `email` when handing over).
 */
export function OwnerFields(p: {
  value: OwnerInput
  onChange: (next: OwnerInput) => void
  errors: Record<string, string>
  prefix: string
  idPrefix?: string
}) {
  const text = agencyText
  const id = (name: string) => `${p.idPrefix ?? 'ak-owner'}-${name}`
  const set = (key: keyof OwnerInput) => (event: { currentTarget: HTMLInputElement }) =>
    p.onChange({ ...p.value, [key]: event.currentTarget.value })
  return (
    <fieldset class="ak-fieldset">
      <legend>{text().owner}</legend>
      <p class="ck-help">{text().ownerHelp}</p>
      <Field label={text().ownerEmail} id={id('email')} error={p.errors[`${p.prefix}email`]}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            autocomplete="off"
            value={p.value.email}
            onInput={set('email')}
          />
        )}
      </Field>
      <Field label={text().ownerName} id={id('name')} error={p.errors[`${p.prefix}name`]}>
        {(aria) => <input {...aria} value={p.value.name} maxLength={100} onInput={set('name')} />}
      </Field>
      <Field
        label={text().ownerPassword}
        id={id('password')}
        help={text().passwordHelp}
        error={p.errors[`${p.prefix}password`]}
      >
        {(aria) => (
          <input
            {...aria}
            type="password"
            autocomplete="new-password"
            value={p.value.password}
            onInput={set('password')}
          />
        )}
      </Field>
    </fieldset>
  )
}
