import type { BlockManifest } from '@mallkit/core/plugin'
import { z } from 'zod'

export const DividerProps = z.object({
  lineStyle: z.enum(['solid', 'dashed', 'dotted']).default('solid'),
  /** A hex colour only, so it cannot carry other CSS. */
  color: z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'a hex colour like #e5e7eb')
    .default('#e5e7eb'),
  /** Space above and below, in pixels. */
  marginY: z.number().int().min(0).max(64).default(12),
  /** Space left and right, in pixels. */
  marginX: z.number().int().min(0).max(48).default(12),
})
export type DividerProps = z.infer<typeof DividerProps>

/** A horizontal line between blocks. */
export const dividerManifest: BlockManifest = {
  label: { 'zh-CN': '分割线', en: 'Divider' },
  icon: 'lucide:minus',
  category: 'basic',
  props: DividerProps,
  inspector: {
    lineStyle: { widget: 'segmented' },
    color: { widget: 'color' },
    marginY: {
      widget: 'slider',
      help: { 'zh-CN': '上下间距（像素）', en: 'Above and below (px)' },
    },
    marginX: { widget: 'slider', help: { 'zh-CN': '左右间距（像素）', en: 'Left and right (px)' } },
  },
}
