import { createResource } from 'solid-js'
import IconFileText from '~icons/lucide/file-text'
import IconHouse from '~icons/lucide/house'
import { api, mallApi } from '../app/api.ts'
import { localized, t } from '../app/i18n.ts'
import { navigate, routePath } from '../app/router.ts'
import { MallScreen } from './MallScreen.tsx'

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
    <MallScreen slug={p.slug} current="pages" items={pages} empty={t().noPages}>
      {(page) => {
        const editor = { screen: 'editor', slug: p.slug, pageId: page.id } as const
        return (
          <li>
            <a
              class="ck-list__row"
              href={routePath(editor)}
              aria-label={`${t().open} ${localized(page.title) || page.path}`}
              onClick={(e) => {
                e.preventDefault()
                navigate(editor)
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
        )
      }}
    </MallScreen>
  )
}
