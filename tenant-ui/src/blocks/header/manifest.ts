import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { z } from 'zod'

export const HeaderProps = z.object({
  /** Shown instead of the mall's name when set. */
  title: LocalizedText.default({}),
  searchPlaceholder: LocalizedText.default({ 'zh-CN': '搜索商品', en: 'Search products' }),
  sticky: z.boolean().default(true),
})
export type HeaderProps = z.infer<typeof HeaderProps>

/** The mall's name and a search box that opens the search page. */
export const headerManifest: BlockManifest = {
  label: { 'zh-CN': '店铺头部', en: 'Header' },
  icon: 'lucide:panel-top',
  category: 'basic',
  props: HeaderProps,
  inspector: {
    title: {
      widget: 'localized-text',
      help: { 'zh-CN': '留空显示店铺名', en: 'Empty: the mall name' },
    },
    searchPlaceholder: { widget: 'localized-text' },
    sticky: {
      widget: 'switch',
      help: { 'zh-CN': '滚动时固定在顶部', en: 'Stays on top while scrolling' },
    },
  },
  placement: { allowIn: ['root'], maxPerPage: 1 },
}
