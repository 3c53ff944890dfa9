import { For } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { Field } from '../../../kit/Field.tsx'
import { flattenCategories, type Category, type LocalizedText } from '../shared/catalog-api.ts'
import { categoryText } from './category-strings.ts'

/** A category's names and parent, as created or edited; `exclude` (itself) cannot be its parent. */
export function CategoryFields(p: {
  idPrefix: string
  tree: readonly Category[]
  name: LocalizedText
  parentId: string | null
  exclude?: string
  errors: Record<string, string>
  onChange: (change: { name?: LocalizedText; parentId?: string | null }) => void
}) {
  const text = categoryText
  const parents = () => {
    const all = flattenCategories(p.tree)
    if (!p.exclude) return all
    // A category cannot move under itself or its descendants.
    const self = all.find((entry) => entry.category.id === p.exclude)
    const below = new Set(flattenCategories(self ? [self.category] : []).map((e) => e.category.id))
    return all.filter((entry) => !below.has(entry.category.id))
  }
  const nameError = () => p.errors.name ?? p.errors['name.zh-CN'] ?? p.errors['name.en']
  return (
    <div class="mk-cat-grid">
      <Field
        id={`${p.idPrefix}-zh`}
        label={text().nameZh}
        help={text().nameHelp}
        error={nameError()}
      >
        {(aria) => (
          <input
            type="text"
            {...aria}
            value={p.name['zh-CN'] ?? ''}
            onInput={(e) => p.onChange({ name: { ...p.name, 'zh-CN': e.currentTarget.value } })}
          />
        )}
      </Field>
      <Field id={`${p.idPrefix}-en`} label={text().nameEn}>
        {(aria) => (
          <input
            type="text"
            {...aria}
            value={p.name.en ?? ''}
            onInput={(e) => p.onChange({ name: { ...p.name, en: e.currentTarget.value } })}
          />
        )}
      </Field>
      <Field id={`${p.idPrefix}-parent`} label={text().parent} error={p.errors.parentId}>
        {(aria) => (
          <select
            {...aria}
            value={p.parentId ?? ''}
            onChange={(e) => p.onChange({ parentId: e.currentTarget.value || null })}
          >
            <option value="">{text().topLevel}</option>
            <For each={parents()}>
              {(entry) => (
                <option value={entry.category.id} selected={entry.category.id === p.parentId}>
                  {`${'\u00a0\u00a0'.repeat(entry.depth)}${localized(entry.category.name)}`}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
    </div>
  )
}

/** Both names trimmed, empty ones left out. */
export function compactName(name: LocalizedText): LocalizedText {
  const out: LocalizedText = {}
  if (name['zh-CN']?.trim()) out['zh-CN'] = name['zh-CN'].trim()
  if (name.en?.trim()) out.en = name.en.trim()
  return out
}
