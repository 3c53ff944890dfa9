import { For } from 'solid-js'
import type { Locale } from '../shared/localized.ts'
import { useStorefront } from './storefront-context.ts'
import { useCommon } from './ui/ui.tsx'

/** The cookie the core reads for the locale (`LOCALE_COOKIE` in core/src/storefront). */
const LOCALE_COOKIE = 'mk_lang'
const NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

/** Remembers `locale` for this mall for a year (the core reads the cookie on every page). */
export function rememberLocale(locale: Locale, base: string): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=${base || '/'}; max-age=31536000; samesite=lax`
}

/**
 * The language switcher: the mall's default locale first. Choosing one remembers it in a cookie
 * for a year and reloads the page without `?lang=`, so the server renders it in that language.
 */
export function LocaleSwitch() {
  const store = useStorefront()
  const t = useCommon()
  const locales = (): Locale[] => (store.defaultLocale === 'en' ? ['en', 'zh-CN'] : ['zh-CN', 'en'])
  const choose = (locale: Locale) => {
    rememberLocale(locale, store.base)
    const url = new URL(window.location.href)
    url.searchParams.delete('lang')
    window.location.assign(url.toString())
  }
  return (
    <footer class="mk-footer" aria-label={t.language}>
      <For each={locales()}>
        {(locale) => (
          <button
            type="button"
            lang={locale}
            aria-pressed={store.locale === locale}
            onClick={() => choose(locale)}
          >
            {NAMES[locale]}
          </button>
        )}
      </For>
    </footer>
  )
}
