import { For } from 'solid-js'
import IconFileText from '~icons/lucide/file-text'
import IconPuzzle from '~icons/lucide/puzzle'
import { t } from '../app/i18n.ts'
import { navigate, routePath, type Route } from '../app/router.ts'

/** A mall's tabbed screens. */
export type MallTab = 'pages' | 'plugins'

/** The mall's screens as tabs; `current` is the one shown. */
export function MallNav(p: { slug: string; current: MallTab }) {
  const tabs = () =>
    [
      { screen: 'pages', label: t().pages, Icon: IconFileText },
      { screen: 'plugins', label: t().plugins, Icon: IconPuzzle },
    ] as const
  return (
    <nav class="ck-tabs" aria-label={t().mallNav}>
      <For each={tabs()}>
        {(tab) => {
          const target = (): Route => ({ screen: tab.screen, slug: p.slug })
          return (
            <a
              href={routePath(target())}
              aria-current={p.current === tab.screen ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault()
                navigate(target())
              }}
            >
              <tab.Icon aria-hidden="true" /> {tab.label}
            </a>
          )
        }}
      </For>
    </nav>
  )
}
