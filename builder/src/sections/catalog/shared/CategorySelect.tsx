import { createResource, For } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { catalogApi, flattenCategories } from './catalog-api.ts'

/**
 * A select of the mall's categories, indented by depth. `none` is the empty option's text ("any
 * category" as a filter, "no category" on a product).
 */
export function CategorySelect(p: {
  slug: string
  id: string
  value: string | null
  onChange: (categoryId: string | null) => void
  none: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  label?: string
}) {
  const [tree] = createResource(
    () => p.slug,
    (slug) => catalogApi.categories(slug),
  )
  return (
    <select
      id={p.id}
      aria-label={p.label}
      aria-invalid={p['aria-invalid']}
      aria-describedby={p['aria-describedby']}
      value={p.value ?? ''}
      onChange={(e) => p.onChange(e.currentTarget.value || null)}
    >
      <option value="">{p.none}</option>
      <For each={flattenCategories(tree()?.items ?? [])}>
        {(entry) => (
          <option value={entry.category.id} selected={entry.category.id === p.value}>
            {`${'\u00a0\u00a0'.repeat(entry.depth)}${localized(entry.category.name)}`}
          </option>
        )}
      </For>
    </select>
  )
}
