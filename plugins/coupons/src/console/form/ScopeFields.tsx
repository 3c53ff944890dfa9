import { Show } from 'solid-js'
import { CategoryPicker } from '../../../../../builder/src/kit/pickers/CategoryPicker.tsx'
import { ProductPicker } from '../../../../../builder/src/kit/pickers/ProductPicker.tsx'
import { text } from '../strings.ts'
import { Choice, type PartProps } from './fields.tsx'
import { errorOf, type ScopeKind } from './form-state.ts'

type IdsKey = 'categoryIds' | 'productIds' | 'excludedProductIds'

/** Which products the coupon covers: the whole mall, categories or products, less exclusions. */
export function ScopeFields(p: PartProps & { slug: string; locked: boolean }) {
  const t = () => text()
  const picked = (key: IdsKey, label: string, help?: string) => {
    const Picker = key === 'categoryIds' ? CategoryPicker : ProductPicker
    const error = () => errorOf(p.errors, `scope.${key}`)
    return (
      <div class="ck-field" data-field={`scope.${key}`}>
        <Picker
          slug={p.slug}
          id={`coupon-${key}`}
          label={label}
          multiple
          value={p.form[key]}
          onChange={(ids) => p.set(key, ids)}
        />
        <Show when={help}>
          <span class="ck-help">{help}</span>
        </Show>
        <Show when={error()}>
          <span class="ck-error" role="alert">
            {error()}
          </span>
        </Show>
      </div>
    )
  }
  return (
    <fieldset class="mk-coupons-part" disabled={p.locked}>
      <legend>{t().scope}</legend>
      <Choice<ScopeKind>
        legend={t().scope}
        hideLegend
        name="coupon-scope"
        value={p.form.scopeKind}
        options={[
          { value: 'all', label: t().scopeAll },
          { value: 'categories', label: t().scopeCategories },
          { value: 'products', label: t().scopeProducts },
        ]}
        onChange={(kind) => p.set('scopeKind', kind)}
      />
      <Show when={p.form.scopeKind === 'categories'}>{picked('categoryIds', t().categories)}</Show>
      <Show when={p.form.scopeKind === 'products'}>{picked('productIds', t().products)}</Show>
      {picked('excludedProductIds', t().excluded, t().excludedHelp)}
    </fieldset>
  )
}
