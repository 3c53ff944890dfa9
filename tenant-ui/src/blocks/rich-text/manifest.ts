import type { BlockManifest } from '@mallkit/core/plugin'
import { z } from 'zod'

export const RichTextProps = z.object({
  /** HTML per locale; reduced to a safe allowlist on the server before it is shown. */
  html: z
    .object({ 'zh-CN': z.string().max(20000).optional(), en: z.string().max(20000).optional() })
    .default({}),
  align: z.enum(['left', 'center']).default('left'),
})
export type RichTextProps = z.infer<typeof RichTextProps>

/** Formatted text: paragraphs, headings, lists, links and images. */
export const richTextManifest: BlockManifest = {
  label: { 'zh-CN': '富文本', en: 'Rich text' },
  icon: 'lucide:text',
  category: 'basic',
  props: RichTextProps,
  inspector: {
    html: {
      widget: 'rich-text',
      help: {
        'zh-CN': '脚本、样式和事件属性会被移除',
        en: 'Scripts, styles and event attributes are removed',
      },
    },
    align: { widget: 'segmented' },
  },
}
