import IconSearch from '~icons/lucide/search'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { HeaderProps } from './manifest.ts'
import './header.css'

/** The mall's name and a search box (a plain form, so it works before hydration too). */
export default function HeaderBlock(p: BlockComponentProps<HeaderProps>) {
  const store = useStorefront()
  const placeholder = () => pick(p.props.searchPlaceholder, store.locale)
  return (
    <header class="mk-header" classList={{ 'mk-header--sticky': p.props.sticky }}>
      <a class="mk-header__name" href={mallHref(store.base, '/')}>
        {pick(p.props.title, store.locale) || store.mall.name}
      </a>
      <form class="mk-header__search" role="search" action={mallHref(store.base, '/search')}>
        <IconSearch aria-hidden="true" class="mk-header__icon" />
        <input
          type="search"
          name="q"
          enterkeyhint="search"
          placeholder={placeholder()}
          aria-label={placeholder()}
        />
      </form>
    </header>
  )
}
