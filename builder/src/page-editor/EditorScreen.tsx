import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import IconArrowLeft from '~icons/lucide/arrow-left'
import IconHistory from '~icons/lucide/history'
import IconMonitor from '~icons/lucide/monitor'
import IconRedo from '~icons/lucide/redo-2'
import IconSmartphone from '~icons/lucide/smartphone'
import IconTablet from '~icons/lucide/tablet'
import IconUndo from '~icons/lucide/undo-2'
import type { PageDocument } from '../../../core/src/page/index.ts'
import { api, ApiError, mallApi } from '../app/api.ts'
import { localized, t } from '../app/i18n.ts'
import { navigate } from '../app/router.ts'
import { me } from '../app/session.ts'
import { afterSelection, publishCheck, type BlockProblem, type Dragged } from '../editor/index.ts'
import { findBlock } from '../editor/tree.ts'
import { Canvas, DEVICES, type Device } from './Canvas.tsx'
import { catalogRegistry, type CatalogBlock } from './catalog.ts'
import { editorText } from './editor-strings.ts'
import { Inspector } from './Inspector.tsx'
import { Outline } from './Outline.tsx'
import { PageActions } from './PageActions.tsx'
import { Palette } from './Palette.tsx'
import { useAutosave } from './use-autosave.ts'
import { useEditor } from './use-editor.ts'
import { VersionHistory } from './VersionHistory.tsx'

interface LoadedPage {
  id: string
  path: string
  title: Record<string, string>
  draft: PageDocument
  publishAt: string | null
}

/** Whether a key press belongs to a text box (where Ctrl+C and Ctrl+V copy text, not blocks). */
const inTextBox = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** What a reloaded editor carries over from the one it replaces. */
interface Carried {
  notice: () => string
  historyOpen: boolean
}

/**
 * The page editor: loads the mall's block catalog and the page's draft, then edits it. A
 * rollback replaces the draft on the server, so the page (not the catalog) is loaded afresh and
 * the editor starts over with a new history.
 */
export function EditorScreen(p: { slug: string; pageId: string }) {
  const [carried, setCarried] = createSignal<Carried | null>(null)
  const [catalog] = createResource(
    () => p.slug,
    (slug) => api<{ items: CatalogBlock[] }>(mallApi(slug, '/blocks')).then((r) => r.items),
  )
  const [page, { refetch }] = createResource(
    () => ({ slug: p.slug, pageId: p.pageId }),
    ({ slug, pageId }) => api<LoadedPage>(mallApi(slug, `/pages/${encodeURIComponent(pageId)}`)),
  )
  return (
    <Show
      when={!catalog.error && !page.error}
      fallback={<p class="ck-error ck-main">{t().loadFailed}</p>}
    >
      <Show when={catalog() ? page() : undefined} keyed>
        {(loaded) => (
          <Editing
            slug={p.slug}
            catalog={catalog() ?? []}
            page={loaded}
            carried={carried()}
            onReload={(next) => {
              setCarried(next)
              void refetch()
            }}
          />
        )}
      </Show>
    </Show>
  )
}

function Editing(p: {
  slug: string
  catalog: CatalogBlock[]
  page: LoadedPage
  carried: Carried | null
  onReload: (carried: Carried) => void
}) {
  const catalog = new Map(p.catalog.map((block) => [block.type, block]))
  const editor = useEditor(catalogRegistry(p.catalog), p.page.draft)
  const draftUrl = mallApi(p.slug, `/pages/${encodeURIComponent(p.page.id)}/draft`)
  const autosave = useAutosave(editor.document, (document) =>
    api(draftUrl, { method: 'PUT', body: { document } }),
  )
  const [device, setDevice] = createSignal<Device>('phone')
  const [dragged, setDragged] = createSignal<Dragged | null>(null)
  const [checking, setChecking] = createSignal(false)
  const [publishing, setPublishing] = createSignal(false)
  // A message as a function of the language, so it follows the language switch.
  const [notice, setNotice] = createSignal<(() => string) | null>(p.carried?.notice ?? null)
  const [historyOpen, setHistoryOpen] = createSignal(p.carried?.historyOpen ?? false)
  const problems = createMemo<BlockProblem[]>(() =>
    checking() ? publishCheck(editor.registry, editor.document()) : [],
  )
  const problemIds = createMemo(() => new Set(problems().map((problem) => problem.blockId)))
  const mallName = () => me()?.malls.find((mall) => mall.slug === p.slug)?.name ?? p.slug

  const copySelected = () => {
    const id = editor.selection()
    const type = id ? findBlock(editor.document().blocks, id)?.block.type : undefined
    if (id && type && editor.act({ type: 'copy', id }))
      setNotice(() => () => editorText().copied(localized(catalog.get(type)?.label) || type))
  }

  /** Inserts after the selected block (or at the end): the keyboard's way to add a block. */
  const add = (blockType: string) =>
    editor.act({ type: 'insert', blockType, at: afterSelection(editor.state()) })

  const publish = async () => {
    setPublishing(true)
    setNotice(null)
    try {
      // Publishing takes the saved draft: save the current document first.
      await autosave.flush()
      const { version } = await api<{ version: number }>(
        mallApi(p.slug, `/pages/${encodeURIComponent(p.page.id)}/publish`),
        { method: 'POST', body: { note: '' } },
      )
      setChecking(false)
      setNotice(() => () => t().publishedOk(version))
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 422) {
        setChecking(true)
        const first = problems()[0]
        if (first) editor.act({ type: 'select', id: first.blockId })
        else setNotice(() => () => error.message)
      } else {
        const message = error instanceof Error ? error.message : String(error)
        setNotice(() => () => message)
      }
    } finally {
      setPublishing(false)
    }
  }

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      if (key === 'z' || key === 'y') {
        event.preventDefault()
        editor.act({ type: event.shiftKey || key === 'y' ? 'redo' : 'undo' })
      } else if ((key === 'c' || key === 'v') && !inTextBox(event.target)) {
        if (key === 'c' && window.getSelection()?.toString()) return
        event.preventDefault()
        if (key === 'v') editor.act({ type: 'paste' })
        else copySelected()
      }
    }
    window.addEventListener('keydown', onKey)
    onCleanup(() => window.removeEventListener('keydown', onKey))
  })

  const statusText = () =>
    ({
      saved: t().saved,
      saving: t().saving,
      unsaved: t().unsaved,
      failed: t().saveFailed,
    })[autosave.status()]

  return (
    <div class="ck-editor">
      <div class="ck-toolbar" role="toolbar" aria-label={localized(p.page.title) || p.page.path}>
        <button
          type="button"
          class="ck-btn ck-btn--ghost"
          onClick={() => navigate({ screen: 'pages', slug: p.slug })}
        >
          <IconArrowLeft aria-hidden="true" /> {t().back}
        </button>
        <strong class="ck-toolbar__title">
          {localized(p.page.title) || p.page.path} <code class="ck-muted">{p.page.path}</code>
        </strong>
        <div class="ck-segmented" role="radiogroup" aria-label={t().device}>
          <For each={Object.keys(DEVICES) as Device[]}>
            {(option) => {
              const Icon = { phone: IconSmartphone, tablet: IconTablet, desktop: IconMonitor }[
                option
              ]
              return (
                <button
                  type="button"
                  role="radio"
                  aria-checked={device() === option}
                  aria-label={t()[option]}
                  title={t()[option]}
                  onClick={() => setDevice(option)}
                >
                  <Icon aria-hidden="true" />
                </button>
              )
            }}
          </For>
        </div>
        <button
          type="button"
          class="ck-icon-btn"
          aria-label={t().undo}
          title={`${t().undo} (Ctrl+Z)`}
          disabled={!editor.canUndo()}
          onClick={() => editor.act({ type: 'undo' })}
        >
          <IconUndo aria-hidden="true" />
        </button>
        <button
          type="button"
          class="ck-icon-btn"
          aria-label={t().redo}
          title={`${t().redo} (Ctrl+Shift+Z)`}
          disabled={!editor.canRedo()}
          onClick={() => editor.act({ type: 'redo' })}
        >
          <IconRedo aria-hidden="true" />
        </button>
        <button
          type="button"
          class="ck-btn ck-btn--ghost"
          aria-pressed={historyOpen()}
          onClick={() => setHistoryOpen((open) => !open)}
        >
          <IconHistory aria-hidden="true" /> {t().history}
        </button>
        <PageActions
          slug={p.slug}
          pageId={p.page.id}
          path={p.page.path}
          publishAt={p.page.publishAt}
          beforeUse={autosave.flush}
        />
        <span class="ck-status" role="status" data-save-status={autosave.status()}>
          {statusText()}
        </span>
        <button
          type="button"
          class="ck-btn ck-btn--primary"
          disabled={publishing()}
          onClick={() => void publish()}
        >
          {publishing() ? t().publishing : t().publish}
        </button>
      </div>
      <Show when={notice() || editor.refusal() || problems().length > 0}>
        <div class="ck-notices" role="alert">
          <Show when={notice()}>
            <p>{notice()?.()}</p>
          </Show>
          <Show when={editor.refusal()}>
            <p>{t().refused}</p>
          </Show>
          <Show when={problems().length > 0}>
            <p>{t().fixFirst}</p>
            <ul>
              <For each={problems()}>
                {(problem) => (
                  <li>
                    <button
                      type="button"
                      class="ck-link"
                      onClick={() => editor.act({ type: 'select', id: problem.blockId })}
                    >
                      {localized(catalog.get(problem.type)?.label) || problem.type}
                    </button>{' '}
                    {problem.field}: {problem.message}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </Show>
      <div class="ck-editor__body pe-body">
        <div class="pe-left">
          <Palette
            catalog={p.catalog}
            onDragStart={(blockType) => setDragged({ blockType })}
            onDragEnd={() => setDragged(null)}
            onAdd={add}
          />
          <Outline
            editor={editor}
            onCopied={(label) => setNotice(() => () => editorText().copied(label))}
          />
        </div>
        <Canvas
          editor={editor}
          catalog={catalog}
          slug={p.slug}
          mallName={mallName()}
          device={device()}
          dragged={dragged()}
          onDragged={setDragged}
          problems={problemIds()}
        />
        <Show
          when={historyOpen()}
          fallback={
            <Inspector editor={editor} catalog={catalog} problems={problems()} slug={p.slug} />
          }
        >
          <VersionHistory
            slug={p.slug}
            pageId={p.page.id}
            beforeRollBack={autosave.flush}
            onRolledBack={(from, to) =>
              p.onReload({ notice: () => t().rolledBack(from, to), historyOpen: true })
            }
            onClose={() => setHistoryOpen(false)}
          />
        </Show>
      </div>
    </div>
  )
}
