import { messages } from '../../shared/i18n.ts'

/** The category tree page's strings. */
export const text = messages({
  'zh-CN': {
    title: '全部分类',
    description: '按分类浏览本店的全部商品。',
    all: '全部',
    emptyTitle: '还没有分类',
    emptyText: '店铺正在整理商品，先去首页看看吧。',
    browseAll: '浏览全部商品',
  },
  en: {
    title: 'Categories',
    description: 'Browse everything in this store by category.',
    all: 'All',
    emptyTitle: 'No categories yet',
    emptyText: 'The store is still arranging its products. Have a look at the home page.',
    browseAll: 'Browse all products',
  },
})
