import { z } from '@hono/zod-openapi'
import type { LocalizedText } from '../../db/commerce-schema.ts'

/** A name in the two first-class locales; at least one must be given, blanks are dropped. */
export function localizedName(max: number) {
  const text = z.string().trim().min(1).max(max)
  return z
    .object({ 'zh-CN': text.optional(), en: text.optional() })
    .strict()
    .refine((value) => Boolean(value['zh-CN'] || value.en), {
      message: 'give the text in at least one locale (zh-CN or en)',
    })
}

/** Optional text in either locale (subtitles); empty strings mean "not given". */
export function localizedOptional(max: number) {
  return z
    .object({
      'zh-CN': z.string().trim().max(max).optional(),
      en: z.string().trim().max(max).optional(),
    })
    .strict()
    .transform(compactLocalized)
}

/** Drops empty locales, so `{ en: '' }` and `{}` store the same. */
export function compactLocalized(value: LocalizedText): LocalizedText {
  const out: LocalizedText = {}
  if (value['zh-CN']) out['zh-CN'] = value['zh-CN']
  if (value.en) out.en = value.en
  return out
}

/** The label a localized name is keyed by (SKU specs, CSV): its zh-CN text, else its English. */
export function labelOf(text: LocalizedText): string {
  return (text['zh-CN'] || text.en || '').trim()
}

/** Localized text in API responses. */
export const LocalizedSchema = z
  .object({ 'zh-CN': z.string().optional(), en: z.string().optional() })
  .openapi('LocalizedText')
