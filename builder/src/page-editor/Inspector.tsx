import { createMemo, For, Show } from 'solid-js'
import type { BlockNode } from '../../../core/src/page/index.ts'
import { localized, t } from '../app/i18n.ts'
import type { BlockProblem } from '../editor/index.ts'
import { findBlock } from '../editor/tree.ts'
import type { CatalogBlock } from './catalog.ts'
import { FieldEditor } from './FieldEditor.tsx'
import { fieldsFor } from './inspector-fields.ts'
import type { Editor } from './use-editor.ts'

/** The selected block's props as a form generated from its JSON Schema, with its problems. */
export function Inspector(p: {
  editor: Editor
  catalog: ReadonlyMap<string, CatalogBlock>
  problems: readonly BlockProblem[]
  slug: string
}) {
  const selected = createMemo((): BlockNode | null => {
    const id = p.editor.selection()
    return id ? (findBlock(p.editor.document().blocks, id)?.block ?? null) : null
  })
  const selectedId = () => selected()?.id
  return (
    <aside class="ck-inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title" class="ck-panel-title">
        {t().inspector}
      </h2>
      <Show when={selectedId()} keyed fallback={<p class="ck-muted">{t().selectHint}</p>}>
        {(id) => {
          const type = selected()?.type ?? ''
          const entry = p.catalog.get(type)
          const fields = entry ? fieldsFor(entry.props, entry.inspector) : []
          const problems = () => p.problems.filter((problem) => problem.blockId === id)
          return (
            <form
              class="ck-inspector__form"
              aria-label={localized(entry?.label) || type}
              onSubmit={(e) => e.preventDefault()}
            >
              <h3>{localized(entry?.label) || type}</h3>
              <Show when={problems().length > 0}>
                <ul class="ck-error" role="alert">
                  <For each={problems()}>
                    {(problem) => (
                      <li>
                        {problem.field}: {problem.message}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <For each={fields}>
                {(field) => (
                  <FieldEditor
                    field={field}
                    slug={p.slug}
                    id={`${id}.${field.key}`}
                    value={selected()?.props[field.key]}
                    set={(value, coalesceKey) =>
                      p.editor.act({
                        type: 'update-props',
                        id,
                        path: [field.key],
                        value,
                        ...(coalesceKey ? { coalesceKey } : {}),
                      })
                    }
                  />
                )}
              </For>
            </form>
          )
        }}
      </Show>
    </aside>
  )
}
