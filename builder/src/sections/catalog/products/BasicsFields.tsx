import { Field } from '../../../kit/Field.tsx'
import type { LocalizedText } from '../shared/catalog-api.ts'
import { messageFor, type ProductForm } from './product-form.ts'
import { productText } from './product-strings.ts'

type TextKey = 'title' | 'subtitle' | 'description'

/** Title, subtitle and description of a product, in both languages, with errors in place. */
export function BasicsFields(p: {
  form: ProductForm
  errors: Record<string, string>
  onChange: (key: TextKey, text: LocalizedText) => void
}) {
  const text = productText
  const set = (key: TextKey, lang: 'zh-CN' | 'en', value: string) =>
    p.onChange(key, { ...p.form[key], [lang]: value })
  const line = (key: 'title' | 'subtitle', lang: 'zh-CN' | 'en', label: string, help?: string) => (
    <Field
      id={`product-${key}-${lang}`}
      label={label}
      help={help}
      error={
        messageFor(p.errors, `${key}.${lang}`) ?? (lang === 'zh-CN' ? p.errors[key] : undefined)
      }
    >
      {(aria) => (
        <input
          type="text"
          {...aria}
          value={p.form[key][lang] ?? ''}
          onInput={(e) => set(key, lang, e.currentTarget.value)}
        />
      )}
    </Field>
  )
  const area = (lang: 'zh-CN' | 'en', label: string) => (
    <Field
      id={`product-description-${lang}`}
      label={label}
      help={text().descriptionHelp}
      error={messageFor(p.errors, `description.${lang}`)}
    >
      {(aria) => (
        <textarea
          {...aria}
          rows={4}
          value={p.form.description[lang] ?? ''}
          onInput={(e) => set('description', lang, e.currentTarget.value)}
        />
      )}
    </Field>
  )
  return (
    <div class="mk-cat-grid">
      {line('title', 'zh-CN', text().titleZh, text().titleHelp)}
      {line('title', 'en', text().titleEn)}
      {line('subtitle', 'zh-CN', text().subtitleZh)}
      {line('subtitle', 'en', text().subtitleEn)}
      {area('zh-CN', text().descriptionZh)}
      {area('en', text().descriptionEn)}
    </div>
  )
}
