import { z } from 'zod'

/** Text in both first-class locales, either may be missing (the schema blocks' props use). */
export const LocalizedText = z.object({
  'zh-CN': z.string().max(2000).optional(),
  en: z.string().max(2000).optional(),
})
