import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { z } from 'zod'

/** Which products the grid shows. */
export const ProductSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new') }),
  z.object({ kind: z.literal('best-selling') }),
  z.object({ kind: z.literal('category'), categoryId: z.uuid() }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(40) }),
  z.object({ kind: z.literal('manual'), productIds: z.array(z.uuid()).min(1).max(48) }),
])
export type ProductSource = z.infer<typeof ProductSource>

export const ProductGridProps = z.object({
  title: LocalizedText.default({}),
  source: ProductSource.default({ kind: 'new' }),
  limit: z.number().int().min(1).max(48).default(6),
  columns: z.union([z.literal(2), z.literal(3)]).default(2),
  showCompareAt: z.boolean().default(true),
})
export type ProductGridProps = z.infer<typeof ProductGridProps>

/** The inspector of the props the product grid and the product list share. */
export const productCardsInspector = {
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
} satisfies BlockManifest['inspector']

/** Products from a category, a tag, a manual pick, the newest or the best selling. */
export const productGridManifest: BlockManifest = {
  label: { 'zh-CN': '商品网格', en: 'Product grid' },
  icon: 'lucide:layout-grid',
  category: 'commerce',
  props: ProductGridProps,
  inspector: { ...productCardsInspector, columns: { widget: 'segmented' } },
}
