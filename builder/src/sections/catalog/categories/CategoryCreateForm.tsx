import { createSignal } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { problemMessages } from '../../../kit/problems.ts'
import { catalogApi, type Category, type LocalizedText } from '../shared/catalog-api.ts'
import { CategoryFields, compactName } from './CategoryFields.tsx'
import { categoryText } from './category-strings.ts'

/** The form creating a category (at the end of its parent). */
export function CategoryCreateForm(p: {
  slug: string
  tree: readonly Category[]
  onCreated: (message: string) => void
}) {
  const text = categoryText
  const [name, setName] = createSignal<LocalizedText>({})
  const [parentId, setParentId] = createSignal<string | null>(null)
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)

  const create = async (e: SubmitEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    setMessage(undefined)
    try {
      const body = { name: compactName(name()), parentId: parentId() }
      await catalogApi.createCategory(p.slug, body)
      setName({})
      p.onCreated(text().created(localized(body.name)))
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      if (!Object.keys(problem.fields).length) setMessage(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="ck-card mk-cat-form" onSubmit={(e) => void create(e)} novalidate>
      <h2>{text().newCategory}</h2>
      <CategoryFields
        idPrefix="new-category"
        tree={p.tree}
        name={name()}
        parentId={parentId()}
        errors={errors()}
        onChange={(change) => {
          if (change.name) setName(change.name)
          if (change.parentId !== undefined) setParentId(change.parentId)
        }}
      />
      <p class="ck-error" role="alert" hidden={!message()}>
        {message()}
      </p>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
          {busy() ? text().creating : text().create}
        </button>
      </div>
    </form>
  )
}
