import { createSignal } from 'solid-js'
import { problemMessages } from '../../../kit/problems.ts'
import { catalogApi, type Category, type LocalizedText } from '../shared/catalog-api.ts'
import { CategoryFields, compactName } from './CategoryFields.tsx'
import type { TreeActions } from './CategoryRow.tsx'
import { categoryText } from './category-strings.ts'

/** Renames a category or moves it under another parent; errors show next to their inputs. */
export function CategoryEditForm(p: {
  category: Category
  actions: TreeActions
  onDone: () => void
}) {
  const text = categoryText
  const [name, setName] = createSignal<LocalizedText>({ ...p.category.name })
  const [parentId, setParentId] = createSignal<string | null>(p.category.parentId)
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [busy, setBusy] = createSignal(false)

  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      await catalogApi.updateCategory(p.actions.slug, p.category.id, {
        name: compactName(name()),
        parentId: parentId(),
      })
      p.onDone()
      p.actions.changed(text().saved)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      if (!Object.keys(problem.fields).length) p.actions.failed(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="mk-tree__edit" onSubmit={(e) => void save(e)} novalidate>
      <CategoryFields
        idPrefix={`category-${p.category.id}`}
        tree={p.actions.tree}
        name={name()}
        parentId={parentId()}
        exclude={p.category.id}
        errors={errors()}
        onChange={(change) => {
          if (change.name) setName(change.name)
          if (change.parentId !== undefined) setParentId(change.parentId)
        }}
      />
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
          {text().save}
        </button>
        <button type="button" class="ck-btn" onClick={() => p.onDone()}>
          {text().cancel}
        </button>
      </div>
    </form>
  )
}
