import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { z } from 'zod'

export const CategoryTab = z.object({
  categoryId: z.uuid(),
  /** Shown instead of the category's name when set. */
  label: LocalizedText.default({}),
})

export const CategoryTabsProps = z.object({
  title: LocalizedText.default({}),
  tabs: z.array(CategoryTab).max(6).default([]),
  /** Products per tab. */
  limit: z.number().int().min(1).max(8).default(4),
  columns: z.union([z.literal(2), z.literal(3)]).default(2),
  showCompareAt: z.boolean().default(true),
})
export type CategoryTabsProps = z.infer<typeof CategoryTabsProps>

/** Tabs of categories, each with a grid of its products. */
export const categoryTabsManifest: BlockManifest = {
  label: { 'zh-CN': '分类标签页', en: 'Category tabs' },
  icon: 'lucide:folder-kanban',
  category: 'commerce',
  props: CategoryTabsProps,
  inspector: {
    title: { widget: 'localized-text' },
    tabs: {
      widget: 'category-list',
      help: { 'zh-CN': '最多 6 个分类', en: 'Up to 6 categories' },
    },
    limit: { widget: 'number', help: { 'zh-CN': '每个标签最多 8 件', en: 'Up to 8 per tab' } },
    columns: { widget: 'segmented' },
    showCompareAt: {
      widget: 'switch',
      help: { 'zh-CN': '显示划线价', en: 'Show the compare-at price' },
    },
  },
}
