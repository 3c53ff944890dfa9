import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { z } from 'zod'

export const NoticeBarProps = z.object({
  text: LocalizedText.default({ 'zh-CN': '欢迎光临本店', en: 'Welcome to our store' }),
  /** A mall path (`/promo`) or an http(s) URL the notice opens. */
  link: z
    .string()
    .max(500)
    .regex(/^(\/(?!\/)|https?:\/\/)/, 'a path like /promo or an http(s) URL')
    .optional(),
  /** Scrolls long text sideways (never when the visitor asks for reduced motion). */
  scroll: z.boolean().default(false),
})
export type NoticeBarProps = z.infer<typeof NoticeBarProps>

/** A one-line announcement under the header. */
export const noticeBarManifest: BlockManifest = {
  label: { 'zh-CN': '公告栏', en: 'Notice bar' },
  icon: 'lucide:megaphone',
  category: 'basic',
  props: NoticeBarProps,
  inspector: {
    text: { widget: 'localized-text' },
    link: { widget: 'link', help: { 'zh-CN': '可选，点击后打开', en: 'Optional, opened on tap' } },
    scroll: { widget: 'switch' },
  },
}
