import { createResource, createSignal, For, Show } from 'solid-js'
import { kitText } from '../../../kit/strings.ts'
import type { SectionProps } from '../../section.ts'
import { catalogApi } from '../shared/catalog-api.ts'
import '../shared/catalog.css'
import { CategoryCreateForm } from './CategoryCreateForm.tsx'
import { CategoryRow, type TreeActions } from './CategoryRow.tsx'
import { categoryText } from './category-strings.ts'

/** The mall's category tree: create, rename, move, reorder and delete categories. */
export default function CategoriesSection(p: SectionProps) {
  const text = categoryText
  const [tree, { refetch }] = createResource(
    () => p.slug,
    (slug) => catalogApi.categories(slug),
  )
  const [notice, setNotice] = createSignal<{ ok: boolean; message: string }>()
  const items = () => (tree.state === 'ready' || tree.state === 'refreshing' ? tree().items : [])
  const actions: TreeActions = {
    get slug() {
      return p.slug
    },
    get tree() {
      return items()
    },
    changed: (message) => {
      setNotice({ ok: true, message })
      void refetch()
    },
    failed: (message) => setNotice({ ok: false, message }),
  }

  return (
    <div class="mk-cat">
      <CategoryCreateForm slug={p.slug} tree={items()} onCreated={actions.changed} />
      <Show when={notice()}>
        {(shown) => (
          <p
            class={shown().ok ? 'ck-notice mk-cat-flash' : 'ck-error mk-cat-flash'}
            role={shown().ok ? 'status' : 'alert'}
          >
            {shown().message}
          </p>
        )}
      </Show>
      <section class="ck-card" aria-label={text().tree}>
        <Show
          when={tree.state !== 'errored'}
          fallback={<p class="ck-error">{text().loadFailed}</p>}
        >
          <Show
            when={tree.state !== 'pending'}
            fallback={<p class="ck-muted">{kitText().loading}</p>}
          >
            <Show when={items().length} fallback={<p class="ck-empty">{text().empty}</p>}>
              <ul class="mk-tree mk-tree--root">
                <For each={items()}>
                  {(category) => (
                    <CategoryRow category={category} siblings={items()} actions={actions} />
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        </Show>
      </section>
    </div>
  )
}
