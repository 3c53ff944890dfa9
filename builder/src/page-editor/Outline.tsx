import { createMemo, createSignal, For, Show } from 'solid-js'
import IconClipboardPaste from '~icons/lucide/clipboard-paste'
import IconCopy from '~icons/lucide/copy'
import { localized } from '../app/i18n.ts'
import { outline } from '../editor/index.ts'
import { blockIcon } from './block-icons.ts'
import { editorText } from './editor-strings.ts'
import type { Editor } from './use-editor.ts'
import './page-editor.css'

/**
 * The page as a tree of its blocks, nested under the slots they sit in: click or Enter selects a
 * block; arrow keys, Home and End move through the tree (one tab stop). Copy and Paste work on
 * the selected block (also Ctrl+C and Ctrl+V outside text boxes).
 */
export function Outline(p: { editor: Editor; onCopied: (label: string) => void }) {
  const rows = createMemo(() => outline(p.editor.registry, p.editor.document()))
  const [focused, setFocused] = createSignal<string | null>(null)
  let tree: HTMLUListElement | undefined
  // The one row in the tab order: the focused one, else the selection, else the first.
  const tabStop = () => {
    const ids = rows().map((row) => row.id)
    return [focused(), p.editor.selection()].find((id) => id && ids.includes(id)) ?? ids[0]
  }
  const focusRow = (index: number) => {
    const row = rows()[Math.max(0, Math.min(index, rows().length - 1))]
    if (!row) return
    setFocused(row.id)
    tree?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(row.id)}"]`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent, index: number, id: string) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows().length - 1,
    }
    const to = moves[event.key]
    if (to !== undefined) {
      event.preventDefault()
      focusRow(to)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      p.editor.act({ type: 'select', id })
    }
  }
  const copy = () => {
    const id = p.editor.selection()
    const row = rows().find((r) => r.id === id)
    if (id && row && p.editor.act({ type: 'copy', id })) p.onCopied(localized(row.label))
  }
  return (
    <section class="pe-outline" aria-labelledby="outline-title">
      <div class="pe-outline__head">
        <h2 id="outline-title" class="ck-panel-title">
          {editorText().outline}
        </h2>
        <button
          type="button"
          class="ck-icon-btn"
          aria-label={editorText().copy}
          title={`${editorText().copy} (Ctrl+C)`}
          disabled={!p.editor.selection()}
          onClick={copy}
        >
          <IconCopy aria-hidden="true" />
        </button>
        <button
          type="button"
          class="ck-icon-btn"
          aria-label={editorText().paste}
          title={`${editorText().pasteHere} (Ctrl+V)`}
          disabled={!p.editor.state().clipboard}
          onClick={() => p.editor.act({ type: 'paste' })}
        >
          <IconClipboardPaste aria-hidden="true" />
        </button>
      </div>
      <Show when={rows().length > 0} fallback={<p class="ck-muted">{editorText().outlineEmpty}</p>}>
        <ul
          class="pe-outline__tree"
          role="tree"
          aria-labelledby="outline-title"
          ref={(el) => (tree = el)}
        >
          <For each={rows()}>
            {(row, i) => {
              const Icon = blockIcon(row.icon ?? '')
              return (
                <li
                  role="treeitem"
                  class="pe-outline__row"
                  data-outline-id={row.id}
                  aria-level={row.depth + 1}
                  aria-selected={p.editor.selection() === row.id}
                  tabindex={tabStop() === row.id ? 0 : -1}
                  style={{ 'padding-left': `${6 + row.depth * 14}px` }}
                  onClick={() => p.editor.act({ type: 'select', id: row.id })}
                  onFocus={() => setFocused(row.id)}
                  onKeyDown={(e) => onKeyDown(e, i(), row.id)}
                >
                  <Icon aria-hidden="true" />
                  <span>{localized(row.label)}</span>
                  <Show when={row.slotLabel}>
                    {(slot) => (
                      <span class="ck-muted pe-outline__slot">
                        {editorText().inSlot(localized(slot()))}
                      </span>
                    )}
                  </Show>
                </li>
              )
            }}
          </For>
        </ul>
      </Show>
    </section>
  )
}
