import IconLanguages from '~icons/lucide/languages'
import { locale, setLocale, t } from './i18n.ts'

/** The console's language switch. */
export function LocaleSelect() {
  return (
    <label class="ck-locale">
      <IconLanguages aria-hidden="true" />
      <span class="ck-sr">{t().language}</span>
      <select
        value={locale()}
        onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'zh-CN')}
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  )
}
