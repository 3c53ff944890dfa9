import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import IconFileText from '~icons/lucide/file-text'
import IconHouse from '~icons/lucide/house'
import IconPuzzle from '~icons/lucide/puzzle'
import IconSearch from '~icons/lucide/search'
import { api, mallApi } from '../app/api.ts'
import { locale, localized, t } from '../app/i18n.ts'
import { navigate, routePath } from '../app/router.ts'
import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { editorText } from '../page-editor/editor-strings.ts'
import { NewPageForm, type PageTemplate } from '../page-editor/NewPageForm.tsx'
import { TemplateList } from '../page-editor/TemplateList.tsx'
import { mallAccess } from '../app/mall-access.ts'
import { MallFrame } from './MallFrame.tsx'
import { builtInPermission } from './MallNav.tsx'

/** A page as the pages list describes it. */
interface PageSummary {
  id: string
  path: string
  kind: 'home' | 'custom' | 'plugin'
  title: Record<string, string>
  publishedVersion: number | null
  draftUpdatedAt: string
  publishAt: string | null
}

const KIND_ICONS = { home: IconHouse, custom: IconFileText, plugin: IconPuzzle }

/**
 * The mall's pages (home, custom, plugin) with their status, searchable; a custom page can be
 * created (blank or from a template) and deleted after a confirmation; saved templates below.
 */
export function PageManager(p: { slug: string }) {
  // Asked only of staff who may edit pages: the API would refuse the others.
  const access = mallAccess(p.slug)
  const permitted = () =>
    access()?.permissions.has(builtInPermission.pages) ? p.slug : (false as const)
  const [pages, { refetch }] = createResource(permitted, (slug) =>
    api<{ items: PageSummary[] }>(mallApi(slug, '/pages')).then((r) => r.items),
  )
  const [templates, templatesApi] = createResource(permitted, (slug) =>
    api<{ items: PageTemplate[] }>(mallApi(slug, '/page-templates')).then((r) => r.items),
  )
  const [query, setQuery] = createSignal('')
  const [notice, setNotice] = createSignal<string | null>(null)
  const shown = createMemo(() => {
    const q = query().trim().toLowerCase()
    return (pages() ?? []).filter(
      (page) =>
        !q ||
        `${page.path} ${page.title.en ?? ''} ${page.title['zh-CN'] ?? ''}`
          .toLowerCase()
          .includes(q),
    )
  })
  const remove = async (page: PageSummary) => {
    try {
      await api(mallApi(p.slug, `/pages/${encodeURIComponent(page.id)}`), { method: 'DELETE' })
      setNotice(editorText().deleted(page.path))
      void refetch()
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <MallFrame slug={p.slug} current="pages" title={t().pages} permission={builtInPermission.pages}>
      {() => (
        <Show when={!pages.error} fallback={<p class="ck-error">{t().loadFailed}</p>}>
          <Show when={pages()}>
            {(items) => (
              <>
                <Show when={notice()}>
                  <p class="ck-notice" role="status">
                    {notice()}
                  </p>
                </Show>
                <label class="ck-search pe-pages-search">
                  <IconSearch aria-hidden="true" />
                  <span class="ck-sr">{editorText().searchPages}</span>
                  <input
                    type="search"
                    placeholder={editorText().searchPages}
                    value={query()}
                    onInput={(e) => setQuery(e.currentTarget.value)}
                  />
                </label>
                <ul class="ck-list">
                  <For each={shown()} fallback={<li class="ck-empty">{t().noPages}</li>}>
                    {(page) => <PageRow slug={p.slug} page={page} onDelete={remove} />}
                  </For>
                </ul>
                <Show when={items().length === 1}>
                  <p class="ck-muted">{editorText().noPagesYet}</p>
                </Show>
                <NewPageForm
                  slug={p.slug}
                  takenPaths={items().map((page) => page.path)}
                  templates={templates() ?? []}
                  onCreated={(pageId) => navigate({ screen: 'editor', slug: p.slug, pageId })}
                />
                <TemplateList
                  slug={p.slug}
                  templates={templates() ?? []}
                  onChanged={() => void templatesApi.refetch()}
                />
              </>
            )}
          </Show>
        </Show>
      )}
    </MallFrame>
  )
}

function PageRow(p: { slug: string; page: PageSummary; onDelete: (page: PageSummary) => unknown }) {
  const editor = () => ({ screen: 'editor', slug: p.slug, pageId: p.page.id }) as const
  const Icon = KIND_ICONS[p.page.kind]
  const name = () => localized(p.page.title) || p.page.path
  return (
    <li class="pe-page-row" data-page-path={p.page.path}>
      <a
        class="ck-list__row"
        href={routePath(editor())}
        aria-label={`${t().open} ${name()}`}
        onClick={(e) => {
          e.preventDefault()
          navigate(editor())
        }}
      >
        <Icon aria-hidden="true" />
        <span class="ck-list__title">{name()}</span>
        <code class="ck-muted">{p.page.path}</code>
        <span class="ck-badge">
          {
            {
              home: editorText().kindHome,
              custom: editorText().kindCustom,
              plugin: editorText().kindPlugin,
            }[p.page.kind]
          }
        </span>
        <Show when={p.page.publishAt}>
          {(at) => (
            <span class="ck-badge">
              {editorText().scheduled(
                new Date(at()).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' }),
              )}
            </span>
          )}
        </Show>
        <span class="ck-badge">
          {p.page.publishedVersion === null
            ? t().draftOnly
            : t().published(p.page.publishedVersion)}
        </span>
      </a>
      <Show when={p.page.kind === 'custom'}>
        <ConfirmButton
          question={editorText().confirmDeletePage(p.page.path)}
          confirmLabel={editorText().deletePage}
          danger
          class="ck-btn ck-btn--ghost"
          onConfirm={() => p.onDelete(p.page)}
        >
          {editorText().deletePage}
        </ConfirmButton>
      </Show>
    </li>
  )
}
