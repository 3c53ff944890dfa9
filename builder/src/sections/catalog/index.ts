import { lazy } from 'solid-js'
import IconBoxes from '~icons/lucide/boxes'
import IconFolderTree from '~icons/lucide/folder-tree'
import IconPackage from '~icons/lucide/package'
import type { ConsoleSection } from '../section.ts'

/** The catalog's screens: products, categories, inventory. */
export const catalogSections: ConsoleSection[] = [
  {
    id: 'products',
    label: { en: 'Products', 'zh-CN': '商品' },
    icon: IconPackage,
    group: 'store',
    permission: 'core:catalog.manage',
    component: lazy(() => import('./products/ProductsSection.tsx')),
  },
  {
    id: 'categories',
    label: { en: 'Categories', 'zh-CN': '分类' },
    icon: IconFolderTree,
    group: 'store',
    permission: 'core:catalog.manage',
    component: lazy(() => import('./categories/CategoriesSection.tsx')),
  },
  {
    id: 'inventory',
    label: { en: 'Inventory', 'zh-CN': '库存' },
    icon: IconBoxes,
    group: 'store',
    permission: 'core:catalog.manage',
    component: lazy(() => import('./inventory/InventorySection.tsx')),
  },
]
