import { createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../kit/ConfirmButton.tsx'
import { MultiImagePicker } from '../../../kit/pickers/MultiImagePicker.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { kitText } from '../../../kit/strings.ts'
import { catalogApi, type ProductDetail } from '../shared/catalog-api.ts'
import { BasicsFields } from './BasicsFields.tsx'
import { OrganizeFields } from './OrganizeFields.tsx'
import { bodyOf, formOf, messageFor, type ProductForm as Form } from './product-form.ts'
import { productText } from './product-strings.ts'
import { SkuTable } from './SkuTable.tsx'
import { SpecOptionsEditor } from './SpecOptionsEditor.tsx'
import { matrixOptions, regenerateRows } from './spec-form.ts'

/**
 * A product's form: basics, images, organization, the spec matrix and its SKUs. Saving checks
 * money and stock first, then shows the API's refusals next to their inputs.
 */
export function ProductForm(p: {
  slug: string
  product: ProductDetail | undefined
  currency: string
  onSaved: (product: ProductDetail, created: boolean) => void
  onArchived: (product: ProductDetail) => void
}) {
  const text = productText
  const [form, setForm] = createSignal<Form>(formOf(p.product))
  const [errors, setErrors] = createSignal<{ fields: Record<string, string>; message?: string }>({
    fields: {},
  })
  const [saving, setSaving] = createSignal(false)
  const patch = (change: Partial<Form>) => setForm((before) => ({ ...before, ...change }))

  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    const checked = bodyOf(form(), text())
    if (checked.errors) return setErrors({ fields: checked.errors, message: kitText().fixFields })
    setErrors({ fields: {} })
    setSaving(true)
    try {
      const id = p.product?.id
      const saved = id
        ? await catalogApi.replaceProduct(p.slug, id, checked.body)
        : await catalogApi.createProduct(p.slug, checked.body)
      if (id) setForm(formOf(saved))
      p.onSaved(saved, !id)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors({ fields: problem.fields, message: problem.message })
    } finally {
      setSaving(false)
    }
  }

  const archive = async () => {
    const id = p.product?.id
    if (!id) return
    try {
      p.onArchived(await catalogApi.archiveProduct(p.slug, id))
    } catch (error) {
      setErrors({ fields: {}, message: problemMessages(error).message })
    }
  }

  return (
    <form class="mk-cat-form" onSubmit={(e) => void save(e)} novalidate>
      <Show when={errors().message}>
        <p class="ck-error mk-cat-flash" role="alert">
          {errors().message}
        </p>
      </Show>
      <section class="ck-card">
        <h2>{text().basics}</h2>
        <BasicsFields
          form={form()}
          errors={errors().fields}
          onChange={(key, value) => patch({ [key]: value })}
        />
      </section>
      <section class="ck-card">
        <MultiImagePicker
          slug={p.slug}
          id="product-images"
          label={text().images}
          value={form().images}
          error={messageFor(errors().fields, 'imageIds')}
          onChange={(images) => patch({ images })}
        />
      </section>
      <section class="ck-card">
        <h2>{text().organize}</h2>
        <OrganizeFields slug={p.slug} form={form()} errors={errors().fields} onChange={patch} />
      </section>
      <section class="ck-card">
        <h2>{text().specs}</h2>
        <p class="ck-help">{text().specsHelp}</p>
        <SpecOptionsEditor
          options={form().options}
          errors={errors().fields}
          onChange={(options) =>
            patch({ options, rows: regenerateRows(matrixOptions(options), form().rows) })
          }
        />
        <SkuTable
          options={matrixOptions(form().options)}
          rows={form().rows}
          currency={p.currency}
          errors={errors().fields}
          onChange={(i, change) =>
            patch({ rows: form().rows.map((row, j) => (j === i ? { ...row, ...change } : row)) })
          }
        />
      </section>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={saving()}>
          {saving() ? text().saving : text().save}
        </button>
        <Show when={p.product && p.product.status !== 'archived'}>
          <ConfirmButton
            danger
            question={text().archiveQuestion}
            confirmLabel={text().archive}
            onConfirm={archive}
          >
            {text().archive}
          </ConfirmButton>
        </Show>
      </div>
    </form>
  )
}
