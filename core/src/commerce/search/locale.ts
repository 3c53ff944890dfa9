import type { LocalizedText } from '../../db/commerce-schema.ts'

/** The storefront's first-class locales. */
export type Locale = 'zh-CN' | 'en'

/**
 * The locale a store request asks for: `?locale=` if given, else the first supported language of
 * `Accept-Language` (`zh`, `zh-Hans`, `zh-CN` → zh-CN; `en-*` → en), else the mall's default.
 */
export function requestLocale(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
  mallDefault: string,
): Locale {
  const pick = (tag: string): Locale | undefined => {
    const lower = tag.trim().toLowerCase()
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN'
    if (lower === 'en' || lower.startsWith('en-')) return 'en'
    return undefined
  }
  const fromQuery = explicit ? pick(explicit) : undefined
  if (fromQuery) return fromQuery
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      )
      return { tag, q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const locale = pick(tag)
    if (locale) return locale
  }
  return pick(mallDefault) ?? 'zh-CN'
}

/** `text` in `locale`, else in the mall's default locale, else whichever locale it has. */
export function localized(text: LocalizedText, locale: Locale, mallDefault: string): string {
  const fallback = text[mallDefault as Locale]
  return text[locale] || fallback || text['zh-CN'] || text.en || ''
}
