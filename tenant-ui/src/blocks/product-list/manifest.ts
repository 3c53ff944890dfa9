import type { BlockManifest } from '@mallkit/core/plugin'
import type { z } from 'zod'
import { ProductGridProps, productCardsInspector } from '../product-grid/manifest.ts'

/** The product grid's props but its columns: a list has one product per row. */
export const ProductListProps = ProductGridProps.omit({ columns: true })
export type ProductListProps = z.infer<typeof ProductListProps>

/** One product per row, from the same sources as the product grid. */
export const productListManifest: BlockManifest = {
  label: { 'zh-CN': '商品列表', en: 'Product list' },
  icon: 'lucide:list',
  category: 'commerce',
  props: ProductListProps,
  inspector: productCardsInspector,
}
