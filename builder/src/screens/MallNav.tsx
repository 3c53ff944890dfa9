import { For, Show } from 'solid-js'
import IconFileText from '~icons/lucide/file-text'
import IconPuzzle from '~icons/lucide/puzzle'
import { localized, t } from '../app/i18n.ts'
import type { MallAccess } from '../app/mall-access.ts'
import { navigate, routePath, type Route } from '../app/router.ts'
import { visibleSections } from '../sections/index.ts'

/** The permission each built-in screen needs; sections carry their own. */
export const builtInPermission = {
  pages: 'core:pages.manage',
  plugins: 'core:plugins.manage',
} as const

/** A mall's screen: a built-in one or a section's id. */
export type MallTab = keyof typeof builtInPermission | (string & {})

/** The mall's screens the staff member may see, in the order of its tabs. */
export function mallTabs(slug: string, access: MallAccess) {
  const builtIn = [
    { id: 'pages', label: t().pages, Icon: IconFileText, route: { screen: 'pages' } },
    { id: 'plugins', label: t().plugins, Icon: IconPuzzle, route: { screen: 'plugins' } },
  ] as const
  return [
    ...builtIn
      .filter((tab) => access.permissions.has(builtInPermission[tab.id]))
      .map((tab) => ({ ...tab, route: { ...tab.route, slug } as Route })),
    ...visibleSections(access).map((section) => ({
      id: section.id,
      label: localized(section.label),
      Icon: section.icon,
      route: { screen: 'section', slug, section: section.id, path: [] } as Route,
    })),
  ]
}

/** The mall's screens the staff member may see, as tabs; `current` is the one shown. */
export function MallNav(p: { slug: string; current: MallTab; access: MallAccess }) {
  const tabs = () => mallTabs(p.slug, p.access)
  return (
    <nav class="ck-tabs" aria-label={t().mallNav}>
      <For each={tabs()}>
        {(tab) => (
          <a
            href={routePath(tab.route)}
            aria-current={p.current === tab.id ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault()
              navigate(tab.route)
            }}
          >
            <tab.Icon aria-hidden="true" /> {tab.label}
          </a>
        )}
      </For>
      <Show when={tabs().length === 0}>
        <span class="ck-muted">{t().noAccessAtAll}</span>
      </Show>
    </nav>
  )
}
