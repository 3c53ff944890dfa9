import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { ProductSource } from '../product-grid/manifest.ts'
import { z } from 'zod'

export const ProductListProps = z.object({
  title: LocalizedText.default({}),
  source: ProductSource.default({ kind: 'new' }),
  limit: z.number().int().min(1).max(48).default(6),
  showCompareAt: z.boolean().default(true),
})
export type ProductListProps = z.infer<typeof ProductListProps>

/** One product per row, from the same sources as the product grid. */
export const productListManifest: BlockManifest = {
  label: { 'zh-CN': '商品列表', en: 'Product list' },
  icon: 'lucide:list',
  category: 'commerce',
  props: ProductListProps,
  inspector: {
    title: { widget: 'localized-text' },
    source: {
      widget: 'product-source',
      help: {
        'zh-CN': '分类、标签、手动挑选、新品或热销',
        en: 'A category, a tag, a manual pick, new arrivals or best sellers',
      },
    },
    limit: { widget: 'number' },
    showCompareAt: {
      widget: 'switch',
      help: { 'zh-CN': '显示划线价', en: 'Show the compare-at price' },
    },
  },
}
