import { createSignal, For, Show } from 'solid-js'
import IconArrowDown from '~icons/lucide/arrow-down'
import IconArrowUp from '~icons/lucide/arrow-up'
import IconPencil from '~icons/lucide/pencil'
import { ApiError } from '../../../app/api.ts'
import { localized } from '../../../app/i18n.ts'
import { ConfirmButton } from '../../../kit/ConfirmButton.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { catalogApi, type Category } from '../shared/catalog-api.ts'
import { CategoryEditForm } from './CategoryEditForm.tsx'
import { categoryText } from './category-strings.ts'

/** What a category row may do to the tree, and tell the screen. */
export interface TreeActions {
  slug: string
  tree: readonly Category[]
  changed: (message: string) => void
  failed: (message: string) => void
}

/** A category with its actions (edit, move up or down among its siblings, delete), then its children. */
export function CategoryRow(p: {
  category: Category
  siblings: readonly Category[]
  actions: TreeActions
}) {
  const text = categoryText
  const [editing, setEditing] = createSignal(false)
  const label = () => localized(p.category.name)
  const index = () => p.siblings.findIndex((c) => c.id === p.category.id)

  const move = async (by: -1 | 1) => {
    const ids = p.siblings.map((c) => c.id)
    const [moved] = ids.splice(index(), 1)
    if (moved) ids.splice(index() + by, 0, moved)
    try {
      await catalogApi.reorderCategories(p.actions.slug, p.category.parentId, ids)
      p.actions.changed(text().saved)
    } catch (error) {
      p.actions.failed(problemMessages(error).message)
    }
  }
  const remove = async () => {
    try {
      await catalogApi.deleteCategory(p.actions.slug, p.category.id)
      p.actions.changed(text().removed(label()))
    } catch (error) {
      // The API refuses a category that still holds something: say what, and what to do.
      if (error instanceof ApiError && error.problem.status === 409)
        p.actions.failed(
          p.category.children.length
            ? text().hasChildren(label())
            : text().hasProducts(label(), p.category.productCount),
        )
      else p.actions.failed(problemMessages(error).message)
    }
  }

  return (
    <li class="mk-tree__item">
      <div class="mk-tree__row">
        <span class="mk-tree__name">{label()}</span>
        <span class="ck-muted">{text().products(p.category.productCount)}</span>
        <span class="mk-tree__actions">
          <button
            type="button"
            class="ck-icon-btn"
            aria-label={text().moveUp(label())}
            disabled={index() <= 0}
            onClick={() => void move(-1)}
          >
            <IconArrowUp aria-hidden="true" />
          </button>
          <button
            type="button"
            class="ck-icon-btn"
            aria-label={text().moveDown(label())}
            disabled={index() >= p.siblings.length - 1}
            onClick={() => void move(1)}
          >
            <IconArrowDown aria-hidden="true" />
          </button>
          <button
            type="button"
            class="ck-icon-btn"
            aria-label={text().edit(label())}
            aria-expanded={editing()}
            onClick={() => setEditing(!editing())}
          >
            <IconPencil aria-hidden="true" />
          </button>
          <ConfirmButton
            danger
            class="ck-btn ck-btn--ghost"
            question={text().removeQuestion(label())}
            confirmLabel={text().remove}
            onConfirm={remove}
          >
            {text().remove}
            <span class="ck-sr"> {label()}</span>
          </ConfirmButton>
        </span>
      </div>
      <Show when={editing()}>
        <CategoryEditForm
          category={p.category}
          actions={p.actions}
          onDone={() => setEditing(false)}
        />
      </Show>
      <Show when={p.category.children.length}>
        <ul class="mk-tree">
          <For each={p.category.children}>
            {(child) => (
              <CategoryRow category={child} siblings={p.category.children} actions={p.actions} />
            )}
          </For>
        </ul>
      </Show>
    </li>
  )
}
