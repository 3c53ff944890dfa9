import type { Db } from '../db/create-db.ts'
import { withTenant } from '../db/tenant-scope.ts'
import { loadConfig } from '../config/env.ts'
import { storageFor, type Storage } from '../commerce/storage/storage.ts'
import { PAGE_SCHEMA_VERSION, PageDocument } from '../page/document.ts'
import { DEMO_CATEGORIES, type DemoCategory } from './demo-catalog-types.ts'

/** A banner slide of the demo home page: a product's image linking to the product. */
export interface DemoSlide {
  image: string
  link: string
  alt: { 'zh-CN': string; en: string }
}

/** The demo products whose images the banner shows, by SKU code prefix. */
const BANNER_PRODUCTS = ['DG-HEADPHONE', 'BT-SERUM', 'FD-TEA']

/** The demo categories the icon navigation leads to, with their icons (from the nav allowlist). */
const NAV_CATEGORIES = [
  ['digital', 'headset'],
  ['apparel', 'shopping-bag'],
  ['beauty', 'heart'],
  ['home', 'house'],
  ['food', 'gift'],
] as const satisfies readonly (readonly [DemoCategory, string])[]

/** The demo categories' ids by key, as seeded (any may be missing). */
export type DemoCategoryIds = Partial<Record<DemoCategory, string>>

/**
 * The icon navigation of the demo home page: five categories (the category tree where an id is
 * unknown), new arrivals, best sellers and all categories.
 */
function demoShortcuts(categories: DemoCategoryIds) {
  return [
    ...NAV_CATEGORIES.map(([key, icon]) => {
      const id = categories[key]
      const { zh, en } = DEMO_CATEGORIES[key]
      return { icon, label: { 'zh-CN': zh, en }, link: id ? `/categories/${id}` : '/categories' }
    }),
    { icon: 'sparkles', label: { 'zh-CN': '新品', en: 'New' }, link: '/search?sort=newest' },
    { icon: 'flame', label: { 'zh-CN': '热销', en: 'Best sellers' }, link: '/search?sort=sales' },
    { icon: 'layout-grid', label: { 'zh-CN': '全部分类', en: 'All' }, link: '/categories' },
  ]
}

/**
 * The demo mall's home page: header with search, a notice, a banner of product images, shortcuts
 * to categories, new arrivals, best sellers and the bottom tab bar. Block props are the
 * storefront's (`core/*` blocks of tenant-ui); a test validates this document against their
 * schemas, so it cannot drift from them.
 */
export function demoHomePage(
  slides: readonly DemoSlide[],
  categories: DemoCategoryIds = {},
): PageDocument {
  return PageDocument.parse({
    schemaVersion: PAGE_SCHEMA_VERSION,
    root: {
      title: { 'zh-CN': '首页', en: 'Home' },
      seo: {
        description: {
          'zh-CN': 'Mallkit 演示商城：数码、服饰、美妆、家居、食品和运动好物，满 99 元包邮。',
          en: 'The Mallkit demo mall: digital, apparel, beauty, home, food and sports. Free shipping from ¥99.',
        },
        ...(slides[0] ? { ogImage: slides[0].image } : {}),
      },
      theme: { primary: '#d4242a', radius: 12, fontScale: 1 },
    },
    blocks: [
      { id: 'header', type: 'core/header', props: {} },
      {
        id: 'notice',
        type: 'core/notice-bar',
        props: {
          text: {
            'zh-CN': '满 99 元包邮 · 演示商城，支付为沙箱模式',
            en: 'Free shipping from ¥99 · Demo mall: payments are sandboxed',
          },
        },
      },
      { id: 'banner', type: 'core/banner', props: { slides: [...slides] } },
      {
        id: 'shortcuts',
        type: 'core/icon-nav',
        props: { items: demoShortcuts(categories), columns: 4 },
      },
      {
        id: 'new-arrivals',
        type: 'core/product-grid',
        props: {
          title: { 'zh-CN': '新品上架', en: 'New arrivals' },
          source: { kind: 'new' },
          limit: 6,
          columns: 2,
        },
      },
      {
        id: 'best-sellers',
        type: 'core/product-grid',
        props: {
          title: { 'zh-CN': '热销榜单', en: 'Best sellers' },
          source: { kind: 'best-selling' },
          limit: 6,
          columns: 3,
        },
      },
      {
        id: 'tab-bar',
        type: 'core/tab-bar',
        props: {
          items: [
            { icon: 'house', label: { 'zh-CN': '首页', en: 'Home' }, link: '/' },
            {
              icon: 'layout-grid',
              label: { 'zh-CN': '分类', en: 'Categories' },
              link: '/categories',
            },
            { icon: 'shopping-cart', label: { 'zh-CN': '购物车', en: 'Cart' }, link: '/cart' },
            { icon: 'user', label: { 'zh-CN': '我的', en: 'Me' }, link: '/account' },
          ],
        },
      },
    ],
  })
}

/**
 * Publishes the demo home page (version 1 at `/`) unless the mall already has a home page. The
 * banner uses the demo catalog's product images and the shortcuts its categories, so run it after
 * `seedDemoCatalog`.
 */
export async function seedDemoHome(
  db: Db,
  tenantId: string,
  storage: Storage = storageFor(loadConfig()),
): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const existing = await tx
      .selectFrom('core__page')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('path', '=', '/')
      .executeTakeFirst()
    if (existing) return false
    const rows = await tx
      .selectFrom('core__sku as s')
      .innerJoin('core__product as p', (join) =>
        join.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.product_id'),
      )
      .innerJoin('core__product_image as pi', (join) =>
        join.onRef('pi.tenant_id', '=', 'p.tenant_id').onRef('pi.product_id', '=', 'p.id'),
      )
      .innerJoin('core__media as m', (join) =>
        join.onRef('m.tenant_id', '=', 'pi.tenant_id').onRef('m.id', '=', 'pi.media_id'),
      )
      .select(['s.code', 'p.id', 'p.title', 'm.storage_key', 'm.variants'])
      .where('s.tenant_id', '=', tenantId)
      .where(
        's.code',
        'in',
        BANNER_PRODUCTS.map((code) => `${code}-01`),
      )
      .where('pi.position', '=', 0)
      .execute()
    const slides = BANNER_PRODUCTS.flatMap((code) => {
      const row = rows.find((r) => r.code === `${code}-01`)
      if (!row) return []
      const key = row.variants.medium?.key ?? row.storage_key
      return [
        {
          image: storage.publicPath(key),
          link: `/products/${row.id}`,
          alt: { 'zh-CN': row.title['zh-CN'] ?? '', en: row.title.en ?? '' },
        },
      ]
    })
    const categories = await tx
      .selectFrom('core__category')
      .select(['id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('parent_id', 'is', null)
      .execute()
    const ids: DemoCategoryIds = {}
    for (const [key, { zh }] of Object.entries(DEMO_CATEGORIES) as [
      DemoCategory,
      (typeof DEMO_CATEGORIES)[DemoCategory],
    ][]) {
      const id = categories.find((row) => row.name['zh-CN'] === zh)?.id
      if (id) ids[key] = id
    }
    const document = JSON.stringify(demoHomePage(slides, ids))
    const page = await tx
      .insertInto('core__page')
      .values({
        tenant_id: tenantId,
        path: '/',
        kind: 'home',
        title: JSON.stringify({ 'zh-CN': '首页', en: 'Home' }),
        draft: document,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('core__page_version')
      .values({
        tenant_id: tenantId,
        page_id: page.id,
        version: 1,
        document,
        note: 'Demo home page',
      })
      .execute()
    await tx
      .updateTable('core__page')
      .set({ published_version: 1 })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', page.id)
      .execute()
    return true
  })
}
