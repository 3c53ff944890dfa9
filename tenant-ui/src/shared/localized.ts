/** The storefront's locales; the mall's default comes first. */
export type Locale = 'zh-CN' | 'en'

/** Text in both first-class locales, either may be missing. */
export type LocalizedText = { 'zh-CN'?: string | undefined; en?: string | undefined }

/** The text in `locale`, else in the other locale, else empty. */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return ''
  return text[locale] || text[locale === 'en' ? 'zh-CN' : 'en'] || ''
}
