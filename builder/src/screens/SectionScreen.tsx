import { Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { localized, t } from '../app/i18n.ts'
import { navigate, routePath, type Route } from '../app/router.ts'
import { findSection, sectionVisible } from '../sections/index.ts'
import { MallFrame } from './MallFrame.tsx'

/** A section of the mall's console at `path` below it, when the staff member may see it. */
export function SectionScreen(p: { slug: string; section: string; path: readonly string[] }) {
  const section = () => findSection(p.section)
  const target = (path: readonly string[]): Route => ({
    screen: 'section',
    slug: p.slug,
    section: p.section,
    path,
  })
  return (
    <Show
      when={section()}
      fallback={
        <main class="ck-main">
          <p class="ck-notice">{t().notFound}</p>
        </main>
      }
    >
      {(found) => (
        <MallFrame
          slug={p.slug}
          current={found().id}
          title={localized(found().label)}
          permission={found().permission}
        >
          {(access) => (
            <Show
              when={sectionVisible(found(), access)}
              fallback={<p class="ck-notice">{t().notFound}</p>}
            >
              <Dynamic
                component={found().component}
                slug={p.slug}
                path={p.path}
                go={(path: readonly string[]) => navigate(target(path))}
                href={(path: readonly string[]) => routePath(target(path))}
                permissions={access.permissions}
              />
            </Show>
          )}
        </MallFrame>
      )}
    </Show>
  )
}
