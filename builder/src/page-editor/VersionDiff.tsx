import { createResource, For, Show } from 'solid-js'
import { api } from '../app/api.ts'
import { editorText } from './editor-strings.ts'
import './page-editor.css'

interface DiffBlock {
  id: string
  type: string
}
interface VersionDiffAnswer {
  against: number | null
  diff: {
    added: DiffBlock[]
    removed: DiffBlock[]
    changed: DiffBlock[]
    moved: DiffBlock[]
    rootChanged: boolean
  }
}

/** One version's changes from the version before it: blocks added, removed, changed, moved. */
export function VersionDiff(p: { pageUrl: string; version: number }) {
  const [answer] = createResource(
    () => `${p.pageUrl}/versions/${p.version}/diff`,
    (url) => api<VersionDiffAnswer>(url),
  )
  const parts = (a: VersionDiffAnswer) =>
    [
      { n: a.diff.added, text: editorText().diffAdded, class: 'pe-diff__added' },
      { n: a.diff.removed, text: editorText().diffRemoved, class: 'pe-diff__removed' },
      { n: a.diff.changed, text: editorText().diffChanged, class: 'pe-diff__changed' },
      { n: a.diff.moved, text: editorText().diffMoved, class: '' },
    ].filter((part) => part.n.length > 0)
  return (
    <Show when={answer()}>
      {(a) => (
        <div class="pe-diff" data-diff-version={p.version}>
          <Show when={a().against !== null} fallback={<span>{editorText().diffFirst}</span>}>
            <span class="ck-muted">{editorText().diffAgainst(a().against ?? 0)}:</span>
          </Show>
          <For each={parts(a())} fallback={<span>{editorText().diffNone}</span>}>
            {(part) => (
              <span class={part.class} title={part.n.map((b) => b.type).join(', ')}>
                {part.text(part.n.length)}
              </span>
            )}
          </For>
        </div>
      )}
    </Show>
  )
}
