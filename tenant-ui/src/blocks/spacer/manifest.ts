import type { BlockManifest } from '@mallkit/core/plugin'
import { z } from 'zod'

export const SpacerProps = z.object({
  height: z.number().int().min(0).max(160).default(16),
})
export type SpacerProps = z.infer<typeof SpacerProps>

/** Empty vertical space between blocks. */
export const spacerManifest: BlockManifest = {
  label: { 'zh-CN': '辅助空白', en: 'Spacer' },
  icon: 'lucide:separator-horizontal',
  category: 'basic',
  props: SpacerProps,
  inspector: { height: { widget: 'slider', help: { 'zh-CN': '像素', en: 'Pixels' } } },
}
