import { createResource, For, Show } from 'solid-js'
import IconFileText from '~icons/lucide/file-text'
import IconHouse from '~icons/lucide/house'
import { api, mallApi } from '../app/api.ts'
import { localized, t } from '../app/i18n.ts'
import { navigate } from '../app/router.ts'
import { MallNav } from './MallNav.tsx'

/** A page as the pages list describes it. */
interface PageSummary {
  id: string
  path: string
  kind: 'home' | 'custom' | 'plugin'
  title: Record<string, string>
  publishedVersion: number | null
  draftUpdatedAt: string
}

/** The mall's pages with their status and version; opening one starts the editor. */
export function PageManager(p: { slug: string }) {
  const [pages] = createResource(
    () => p.slug,
    (slug) => api<{ items: PageSummary[] }>(mallApi(slug, '/pages')).then((r) => r.items),
  )
  return (
    <main class="ck-main">
      <p>
        <a
          href="/console/"
          onClick={(e) => {
            e.preventDefault()
            navigate({ screen: 'malls' })
          }}
        >
          ← {t().malls}
        </a>
      </p>
      <h1>
        {t().pages} · {p.slug}
      </h1>
      <MallNav slug={p.slug} current="pages" />
      <Show when={!pages.error} fallback={<p class="ck-error">{t().loadFailed}</p>}>
        <Show when={pages()}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p class="ck-muted">{t().noPages}</p>}>
              <ul class="ck-list">
                <For each={items()}>
                  {(page) => (
                    <li>
                      <a
                        class="ck-list__row"
                        href={`/console/malls/${encodeURIComponent(p.slug)}/pages/${page.id}`}
                        aria-label={`${t().open} ${localized(page.title) || page.path}`}
                        onClick={(e) => {
                          e.preventDefault()
                          navigate({ screen: 'editor', slug: p.slug, pageId: page.id })
                        }}
                      >
                        {page.kind === 'home' ? (
                          <IconHouse aria-hidden="true" />
                        ) : (
                          <IconFileText aria-hidden="true" />
                        )}
                        <span class="ck-list__title">{localized(page.title) || page.path}</span>
                        <code class="ck-muted">{page.path}</code>
                        <span class="ck-badge">
                          {page.publishedVersion === null
                            ? t().draftOnly
                            : t().published(page.publishedVersion)}
                        </span>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </main>
  )
}
