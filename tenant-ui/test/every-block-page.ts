import { PAGE_SCHEMA_VERSION, PageDocument } from '../../core/src/page/document.ts'

/** A page using every block added after the first six, for the manifest and render tests. */
export function everyBlockPage(categories: { fruit: string; tea: string }): PageDocument {
  return PageDocument.parse({
    schemaVersion: PAGE_SCHEMA_VERSION,
    root: { title: { 'zh-CN': '全部组件', en: 'Every block' } },
    blocks: [
      { id: 'head', type: 'core/header', props: {} },
      {
        id: 'cube',
        type: 'core/image-cube',
        props: {
          layout: '1-3',
          images: [
            { image: '/media/cube/a.webp', alt: { en: 'Autumn sale' }, link: '/promo/autumn' },
            { image: 'https://cdn.test/cube-b.webp', alt: { en: 'Tea week' } },
            { image: '/media/cube/c.webp', alt: { en: 'Gift cards' }, link: 'https://gift.test/' },
          ],
        },
      },
      {
        id: 'nav',
        type: 'core/icon-nav',
        props: {
          items: [
            { icon: 'sparkles', label: { 'zh-CN': '新品', en: 'New in' }, link: '/search' },
            { icon: 'flame', label: { 'zh-CN': '热卖', en: 'Hot deals' }, link: '/hot' },
            { image: '/media/nav/coupon.webp', label: { en: 'Coupons' }, link: '/coupons' },
            { icon: 'truck', label: { 'zh-CN': '物流', en: 'Delivery' }, link: '/orders' },
          ],
        },
      },
      {
        id: 'tabs',
        type: 'core/category-tabs',
        props: {
          title: { en: 'Shop by category' },
          tabs: [
            { categoryId: categories.fruit },
            { categoryId: categories.tea, label: { en: 'Fine tea' } },
          ],
        },
      },
      {
        id: 'list',
        type: 'core/product-list',
        props: { title: { en: 'All products', 'zh-CN': '全部商品' }, source: { kind: 'new' } },
      },
      { id: 'line', type: 'core/divider', props: { lineStyle: 'dashed', color: '#cc0000' } },
      {
        id: 'film',
        type: 'core/video',
        props: {
          src: 'https://cdn.test/videos/tour.webm',
          poster: '/media/video/poster.webp',
          title: { en: 'Store tour', 'zh-CN': '店铺参观' },
        },
      },
      {
        id: 'help',
        type: 'core/customer-service',
        props: { contact: { kind: 'phone', phone: '400-123-4567' } },
      },
      {
        id: 'bar',
        type: 'core/tab-bar',
        props: {
          items: [
            { icon: 'house', label: { 'zh-CN': '首页', en: 'Home' }, link: '/' },
            { icon: 'heart', label: { 'zh-CN': '收藏', en: 'Wishlist' }, link: '/wishlist' },
            { icon: 'user', label: { 'zh-CN': '我的', en: 'My account' }, link: '/account' },
          ],
        },
      },
      {
        id: 'zones',
        type: 'core/image-cube',
        props: {
          layout: 'hot-zone',
          aspect: '16:9',
          images: [{ image: '/media/cube/poster.webp', alt: { en: 'Spring poster' } }],
          zones: [
            {
              x: 0,
              y: 0,
              width: 50,
              height: 100,
              link: '/categories',
              label: { en: 'All categories' },
            },
            { x: 50, y: 20, width: 50, height: 80, link: '/search?q=tea', label: { en: 'Tea' } },
          ],
        },
      },
    ],
  })
}
