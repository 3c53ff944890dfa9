import { messages } from '../../shared/i18n.ts'

/** The category page's strings. */
export const text = messages({
  'zh-CN': {
    description: (name: string) => `「${name}」分类下的商品`,
    categories: '全部分类',
    breadcrumb: '位置',
    subcategories: '子分类',
    default: '综合',
    sales: '销量',
    newest: '新品',
    products: '商品',
    emptyTitle: '这个分类还没有商品',
    emptyText: '去看看其他分类吧。',
  },
  en: {
    description: (name: string) => `Products in ${name}`,
    categories: 'Categories',
    breadcrumb: 'Breadcrumb',
    subcategories: 'Subcategories',
    default: 'Featured',
    sales: 'Best selling',
    newest: 'Newest',
    products: 'Products',
    emptyTitle: 'Nothing in this category yet',
    emptyText: 'Have a look at the other categories.',
  },
})
