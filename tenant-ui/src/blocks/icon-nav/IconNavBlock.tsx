import { For } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { navIconPaths } from '../NavIcon.tsx'
import { SvgIcon } from '../SvgIcon.tsx'
import type { IconNavProps } from './manifest.ts'
import './icon-nav.css'

/** Shortcuts in four or five columns; the label names each link, the icon is decoration. */
export default function IconNavBlock(p: BlockComponentProps<IconNavProps>) {
  const store = useStorefront()
  return (
    <nav class="mk-icon-nav" aria-label={store.locale === 'en' ? 'Shortcuts' : '快捷入口'}>
      <ul class="mk-icon-nav__list" style={{ '--mk-nav-cols': String(p.props.columns) }}>
        <For each={p.props.items}>
          {(item) => (
            <li>
              <a class="mk-icon-nav__item" href={mallHref(store.base, item.link)}>
                <span class="mk-icon-nav__visual">
                  {item.image ? (
                    <img src={mallHref(store.base, item.image)} alt="" loading="lazy" />
                  ) : item.icon ? (
                    <SvgIcon inner={navIconPaths(item.icon)} class="mk-icon-nav__icon" />
                  ) : null}
                </span>
                <span class="mk-icon-nav__label">{pick(item.label, store.locale)}</span>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  )
}
