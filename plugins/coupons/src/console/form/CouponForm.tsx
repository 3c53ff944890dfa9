import { createSignal, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { createTemplate, editTemplate, type TemplateView } from '../client.ts'
import { text } from '../strings.ts'
import { BenefitFields } from './BenefitFields.tsx'
import { TextField } from './fields.tsx'
import { changedFields, emptyForm, formFromTemplate, formToBody } from './form-state.ts'
import { LimitFields, ValidityFields } from './RulesFields.tsx'
import { ScopeFields } from './ScopeFields.tsx'

/** The API fields some input of the form shows the message of. */
const SHOWN =
  /^(name|description|benefit|scope|validity|totalQuantity|perCustomerLimit|audience|codes)(\.|$)/

/**
 * Creates a coupon (a draft) or edits `template`. The browser checks what it can (a required
 * amount, a number that is not one); the server's refusals land next to their inputs too.
 */
export function CouponForm(p: {
  slug: string
  template?: TemplateView
  onSaved: (saved: TemplateView) => void
  onCancel: () => void
}) {
  const t = () => text()
  const original = p.template
  const [form, set] = createStore(original ? formFromTemplate(original) : emptyForm())
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal('')
  const [saving, setSaving] = createSignal(false)
  // Once claimed, what would hurt holders is locked (the server refuses it anyway).
  const locked = () => (original?.issued ?? 0) > 0
  let formElement: HTMLFormElement | undefined

  const focusFirstError = () =>
    queueMicrotask(() => formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const { body, errors: found } = formToBody(form, t())
    setErrors(found)
    if (!body) {
      setMessage(t().fixFields)
      focusFirstError()
      return
    }
    setSaving(true)
    setMessage('')
    try {
      const saved = original
        ? await editTemplate(
            p.slug,
            original.id,
            changedFields(formToBody(formFromTemplate(original), t()).body ?? body, body),
          )
        : await createTemplate(p.slug, { ...body, status: 'draft' })
      p.onSaved(saved)
    } catch (failure) {
      const problem = problemMessages(failure)
      setErrors(problem.fields)
      const elsewhere = Object.entries(problem.fields)
        .filter(([field]) => !SHOWN.test(field))
        .map(([field, said]) => `${field}: ${said}`)
      setMessage([problem.message, ...elsewhere].join(' '))
      focusFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="mk-coupons-form" ref={(el) => (formElement = el)} onSubmit={submit} noValidate>
      <h2>{original ? t().editTitle(original.name) : t().createTitle}</h2>
      <Show when={locked()}>
        <p class="ck-notice">{t().claimedLocked}</p>
      </Show>
      <fieldset class="mk-coupons-part">
        <legend>{t().basics}</legend>
        <TextField
          form={form}
          set={set}
          errors={errors()}
          key="name"
          field="name"
          label={t().name}
        />
        <Field
          label={t().description}
          id="coupon-description"
          help={t().descriptionHelp}
          error={errors().description}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              class="mk-coupons-ids"
              value={form.description}
              onInput={(e) => set('description', e.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>
      <BenefitFields form={form} set={set} errors={errors()} locked={locked()} />
      <ScopeFields form={form} set={set} errors={errors()} slug={p.slug} locked={locked()} />
      <ValidityFields form={form} set={set} errors={errors()} />
      <LimitFields
        slug={p.slug}
        form={form}
        set={set}
        errors={errors()}
        locked={locked()}
        editing={original !== undefined}
      />
      <Show when={message()}>
        <p class="ck-error" role="alert">
          {message()}
        </p>
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={saving()}>
          {saving() ? t().saving : original ? t().saveChanges : t().create}
        </button>
        <button type="button" class="ck-btn" onClick={() => p.onCancel()}>
          {t().cancel}
        </button>
      </div>
    </form>
  )
}
