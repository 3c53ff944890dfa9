import { Field } from '../../../kit/Field.tsx'
import type { ProductStatus } from '../shared/catalog-api.ts'
import { CategorySelect } from '../shared/CategorySelect.tsx'
import { messageFor, type ProductForm } from './product-form.ts'
import { productText } from './product-strings.ts'

/** Status, category, tags and the 7-day return flag of a product. */
export function OrganizeFields(p: {
  slug: string
  form: ProductForm
  errors: Record<string, string>
  onChange: (patch: Partial<ProductForm>) => void
}) {
  const text = productText
  return (
    <div class="mk-cat-grid">
      <Field id="product-status" label={text().status} error={p.errors.status}>
        {(aria) => (
          <select
            {...aria}
            value={p.form.status}
            onChange={(e) => p.onChange({ status: e.currentTarget.value as ProductStatus })}
          >
            <option value="active">{text().active}</option>
            <option value="draft">{text().draft}</option>
            <option value="archived">{text().archived}</option>
          </select>
        )}
      </Field>
      <Field id="product-category" label={text().category} error={p.errors.categoryId}>
        {(aria) => (
          <CategorySelect
            slug={p.slug}
            {...aria}
            value={p.form.categoryId}
            none={text().noCategory}
            onChange={(categoryId) => p.onChange({ categoryId })}
          />
        )}
      </Field>
      <Field
        id="product-tags"
        label={text().tags}
        help={text().tagsHelp}
        error={messageFor(p.errors, 'tags')}
      >
        {(aria) => (
          <input
            type="text"
            {...aria}
            value={p.form.tags}
            onInput={(e) => p.onChange({ tags: e.currentTarget.value })}
          />
        )}
      </Field>
      <label class="ck-switch">
        <input
          type="checkbox"
          checked={p.form.afterSales.returnable7d}
          disabled={Boolean(p.form.afterSales.exclusion)}
          onChange={(e) =>
            p.onChange({
              afterSales: { ...p.form.afterSales, returnable7d: e.currentTarget.checked },
            })
          }
        />
        <span>{text().returnable}</span>
      </label>
    </div>
  )
}
