import { createMemo, createSignal, ErrorBoundary, For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import IconArrowDown from '~icons/lucide/arrow-down'
import IconArrowUp from '~icons/lucide/arrow-up'
import IconCopy from '~icons/lucide/copy'
import IconTrash from '~icons/lucide/trash-2'
import type { BlockNode } from '../../../core/src/page/index.ts'
import { StorefrontContext } from '../../../tenant-ui/src/app/storefront-context.ts'
import { blockComponents } from '../../../tenant-ui/src/blocks/components.ts'
import { locale, localized, t } from '../app/i18n.ts'
import { dropAction, dropTargets, keyboardMove, type Dragged } from '../editor/index.ts'
import { useCanvasData } from './canvas-data.ts'
import type { CatalogBlock } from './catalog.ts'
import type { Editor } from './use-editor.ts'

/** The device frames the canvas can show, by width in CSS pixels. */
export const DEVICES = { phone: 390, tablet: 768, desktop: 1200 } as const
export type Device = keyof typeof DEVICES

/**
 * The page as the storefront renders it, with the real block components inside a device frame.
 * Blocks are inert here (clicks select them); drops land on the gap nearest the pointer, shown
 * by the drop indicator, and only where the reducer would accept them.
 */
export function Canvas(p: {
  editor: Editor
  catalog: ReadonlyMap<string, CatalogBlock>
  slug: string
  mallName: string
  device: Device
  dragged: Dragged | null
  onDragged: (dragged: Dragged | null) => void
  problems: ReadonlySet<string>
}) {
  const [indicator, setIndicator] = createSignal<number | null>(null)
  const [confirming, setConfirming] = createSignal<string | null>(null)
  const blocks = () => p.editor.document().blocks
  // Root gaps only: no core block has slots yet, so nesting by drag is not offered.
  const targets = createMemo(() => {
    const dragged = p.dragged
    if (!dragged) return new Set<number>()
    return new Set(
      dropTargets(p.editor.registry, p.editor.state(), dragged)
        .filter((target) => target.parent === null)
        .map((target) => target.index),
    )
  })
  const over = (event: DragEvent, index: number) => {
    if (!p.dragged || !targets().has(index)) return setIndicator(null)
    event.preventDefault()
    if (event.dataTransfer)
      event.dataTransfer.dropEffect = 'blockType' in p.dragged ? 'copy' : 'move'
    setIndicator(index)
  }
  const drop = (event: DragEvent, index: number) => {
    event.preventDefault()
    const dragged = p.dragged
    // Read the targets before the drag ends: they are computed from the dragged item.
    const allowed = dragged !== null && targets().has(index)
    setIndicator(null)
    p.onDragged(null)
    if (dragged && allowed) p.editor.act(dropAction(dragged, { parent: null, index }))
  }
  const gapAt = (event: DragEvent, element: HTMLElement, index: number) => {
    const rect = element.getBoundingClientRect()
    return event.clientY < rect.top + rect.height / 2 ? index : index + 1
  }
  const label = (node: BlockNode) => localized(p.catalog.get(node.type)?.label) || node.type
  const theme = () => p.editor.document().root.theme
  const style = () => ({
    width: `${DEVICES[p.device]}px`,
    '--mk-primary': theme().primary ?? '#d4242a',
    '--mk-on-primary': '#fff',
    '--mk-radius': `${theme().radius ?? 8}px`,
    '--mk-font-scale': String(theme().fontScale ?? 1),
  })

  return (
    <div class="ck-canvas pe-canvas" role="region" aria-label={t().canvas}>
      <div class={`ck-frame ck-frame--${p.device}`} style={style()} lang={locale()}>
        <StorefrontContext.Provider
          value={{
            // A getter, so blocks follow the console's language switch.
            get locale() {
              return locale()
            },
            defaultLocale: 'zh-CN',
            base: `/s/${p.slug}`,
            mall: { name: p.mallName, slug: p.slug, currency: 'CNY' },
          }}
        >
          <Show when={blocks().length === 0}>
            <p class="ck-muted ck-canvas__empty">{t().emptyPage}</p>
          </Show>
          <For each={blocks()}>
            {(node, i) => {
              const selected = () => p.editor.selection() === node.id
              return (
                <div
                  class="ck-block"
                  classList={{
                    'ck-block--selected': selected(),
                    'ck-block--problem': p.problems.has(node.id),
                    'ck-block--drop-before': indicator() === i(),
                  }}
                  data-block-id={node.id}
                  data-block-type={node.type}
                  draggable="true"
                  onDragStart={(e) => {
                    e.dataTransfer?.setData('text/plain', node.id)
                    p.onDragged({ blockId: node.id })
                  }}
                  onDragEnd={() => {
                    setIndicator(null)
                    p.onDragged(null)
                  }}
                  onDragOver={(e) => over(e, gapAt(e, e.currentTarget, i()))}
                  onDrop={(e) => drop(e, gapAt(e, e.currentTarget, i()))}
                  onClick={() => p.editor.act({ type: 'select', id: node.id })}
                >
                  <button
                    type="button"
                    class="ck-block__label"
                    aria-pressed={selected()}
                    onClick={(e) => {
                      e.stopPropagation()
                      p.editor.act({ type: 'select', id: node.id })
                    }}
                  >
                    {label(node)}
                  </button>
                  <Show when={selected()}>
                    <BlockTools
                      editor={p.editor}
                      node={node}
                      label={label(node)}
                      confirming={confirming() === node.id}
                      onConfirm={(on) => setConfirming(on ? node.id : null)}
                    />
                  </Show>
                  <div class="ck-block__body" inert>
                    <BlockView node={node} editor={p.editor} label={label(node)} slug={p.slug} />
                  </div>
                </div>
              )
            }}
          </For>
          <div
            class="ck-dropzone"
            classList={{ 'ck-dropzone--active': indicator() === blocks().length }}
            data-testid="canvas-end"
            onDragOver={(e) => over(e, blocks().length)}
            onDragLeave={() => setIndicator(null)}
            onDrop={(e) => drop(e, blocks().length)}
          >
            {t().dropHere}
          </div>
        </StorefrontContext.Provider>
      </div>
    </div>
  )
}

/** One block rendered by its storefront component, or a card naming it while its props are invalid. */
function BlockView(p: { node: BlockNode; editor: Editor; label: string; slug: string }) {
  const parsed = () => p.editor.registry.get(p.node.type)?.manifest.props.safeParse(p.node.props)
  const data = useCanvasData(
    () => p.slug,
    () => p.node.type,
    () => {
      const result = parsed()
      return result?.success ? (result.data as Record<string, unknown>) : {}
    },
    locale,
  )
  const fallback = () => (
    <div class="ck-block__fallback">
      {p.label} · {t().needsFix}
    </div>
  )
  return (
    <Show
      when={blockComponents[p.node.type] && parsed()?.success ? parsed() : null}
      fallback={fallback()}
    >
      {(result) => (
        <ErrorBoundary fallback={fallback()}>
          <Dynamic component={blockComponents[p.node.type]} props={result().data} data={data()} />
        </ErrorBoundary>
      )}
    </Show>
  )
}

/** The selected block's tools: move up and down, duplicate, delete (confirmed in place). */
function BlockTools(p: {
  editor: Editor
  node: BlockNode
  label: string
  confirming: boolean
  onConfirm: (on: boolean) => void
}) {
  const move = (direction: 'up' | 'down') => {
    const result = keyboardMove(p.editor.registry, p.editor.document(), p.node.id, direction)
    if (result.ok) p.editor.act(result.action)
  }
  return (
    <div
      class="ck-block__tools"
      role="toolbar"
      aria-label={p.label}
      onClick={(e) => e.stopPropagation()}
    >
      <Show
        when={p.confirming}
        fallback={
          <>
            <button
              type="button"
              class="ck-icon-btn"
              aria-label={t().moveUp}
              title={t().moveUp}
              onClick={() => move('up')}
            >
              <IconArrowUp aria-hidden="true" />
            </button>
            <button
              type="button"
              class="ck-icon-btn"
              aria-label={t().moveDown}
              title={t().moveDown}
              onClick={() => move('down')}
            >
              <IconArrowDown aria-hidden="true" />
            </button>
            <button
              type="button"
              class="ck-icon-btn"
              aria-label={t().duplicate}
              title={t().duplicate}
              onClick={() => p.editor.act({ type: 'duplicate', id: p.node.id })}
            >
              <IconCopy aria-hidden="true" />
            </button>
            <button
              type="button"
              class="ck-icon-btn"
              aria-label={t().delete}
              title={t().delete}
              onClick={() => p.onConfirm(true)}
            >
              <IconTrash aria-hidden="true" />
            </button>
          </>
        }
      >
        <span role="alert">{t().confirmDelete(p.label)}</span>
        <button
          type="button"
          class="ck-btn ck-btn--danger"
          onClick={() => {
            p.onConfirm(false)
            p.editor.act({ type: 'delete', id: p.node.id })
          }}
        >
          {t().delete}
        </button>
        <button type="button" class="ck-btn" onClick={() => p.onConfirm(false)}>
          {t().cancel}
        </button>
      </Show>
    </div>
  )
}
