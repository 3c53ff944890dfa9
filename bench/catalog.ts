import { withTenant } from '../core/src/db/tenant-scope.ts'
import { createMall } from '../core/src/tenancy/tenants.ts'
import {
  insertFixtureCategory,
  insertFixtureProduct,
} from '../core/src/commerce/search/search-fixtures.ts'
import { log } from './lib/log.ts'
import { loadGenerators, measureRps, ratio } from './lib/measure.ts'
import { withPostgres } from './lib/postgres.ts'
import { startServer, type BenchServer } from './lib/server.ts'

/** The benchmark mall's slug. */
const SLUG = 'bench-catalog'
const PRODUCTS = 60

const NAMES: [string, string][] = [
  ['手机', 'Mobile Phone'],
  ['蓝牙耳机', 'Bluetooth Headphones'],
  ['智能手表', 'Smart Watch'],
  ['运动鞋', 'Running Shoes'],
  ['保温杯', 'Vacuum Flask'],
  ['双肩包', 'Backpack'],
  ['连衣裙', 'Dress'],
  ['太阳镜', 'Sunglasses'],
  ['充电宝', 'Power Bank'],
  ['绿茶', 'Green Tea'],
  ['机械键盘', 'Mechanical Keyboard'],
  ['台灯', 'Desk Lamp'],
]

/** Seeds a mall with PRODUCTS active products (two SKUs, an image) over three categories. */
async function seedCatalog(server: BenchServer): Promise<void> {
  const { db } = server.core.services
  const mall = await createMall(
    db,
    {
      slug: SLUG,
      name: 'Bench mall',
      defaultLocale: 'zh-CN',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      planId: 'standard',
      owner: { email: `owner@${SLUG}.test`, name: 'Bench owner', password: 'bench-password-1' },
    },
    null,
  )
  await withTenant(db, mall.id, async (tx) => {
    const categories = [
      await insertFixtureCategory(tx, mall.id, { 'zh-CN': '数码', en: 'Digital' }),
      await insertFixtureCategory(tx, mall.id, { 'zh-CN': '服饰', en: 'Apparel' }),
      await insertFixtureCategory(tx, mall.id, { 'zh-CN': '家居', en: 'Home' }),
    ]
    for (let n = 0; n < PRODUCTS; n++) {
      const [zh, en] = NAMES[n % NAMES.length] ?? ['商品', 'Product']
      const series = Math.floor(n / NAMES.length) + 1
      await insertFixtureProduct(tx, mall.id, {
        title: { 'zh-CN': `${zh} ${series}代`, en: `${en} Gen ${series}` },
        categoryId: categories[n % categories.length] ?? null,
        tags: n % 2 ? ['new'] : ['sale'],
        salesCount: (n * 37) % 500,
        createdAt: new Date(Date.UTC(2026, 0, 1 + n)),
        skus: [
          { price: 1000 + n * 250, compareAt: 1500 + n * 250, stock: n % 5 },
          { price: 1200 + n * 250, stock: 10 },
        ],
        image: { thumb: `bench/${n}-240.webp`, medium: `bench/${n}-720.webp` },
      })
    }
  })
}

/** The 48-product list page, checked to hold 48 items before it is loaded. */
async function listPath(server: BenchServer): Promise<string> {
  const path = `/s/${SLUG}/api/store/products?limit=48`
  const response = await fetch(`${server.origin}${path}`)
  const body = (await response.json()) as { items?: unknown[] }
  if (response.status !== 200 || body.items?.length !== 48)
    throw new Error(
      `${path} answered ${response.status} with ${body.items?.length ?? 'no'} items, not 48`,
    )
  log(`list page: ${path}`)
  return path
}

/**
 * `pnpm bench catalog`: requests/s of the 48-product list page and of a search, each as a ratio
 * of `/healthz` (hello world) on the same server in the same run, on PostgreSQL.
 */
export default async function catalog(): Promise<string> {
  return withPostgres(async (url) => {
    const server = await startServer(url)
    try {
      await seedCatalog(server)
      const list = await listPath(server)
      const search = `/s/${SLUG}/api/store/search?q=${encodeURIComponent('耳机')}`
      const found = (await (await fetch(`${server.origin}${search}`)).json()) as {
        items?: unknown[]
      }
      if (!found.items?.length) throw new Error(`${search} found nothing`)
      log(`search: ${search} (${found.items.length} results)`)
      const hello = await measureRps('hello', `${server.origin}/healthz`)
      const listRps = await measureRps('list', `${server.origin}${list}`)
      const searchRps = await measureRps('search', `${server.origin}${search}`)
      return [
        'catalog:',
        `hello_rps=${Math.round(hello)}`,
        `list_rps=${Math.round(listRps)}`,
        `search_rps=${Math.round(searchRps)}`,
        `list_ratio=${ratio(listRps, hello)}`,
        `search_ratio=${ratio(searchRps, hello)}`,
        `loadgen=${loadGenerators()}`,
      ].join(' ')
    } finally {
      await server.close()
    }
  })
}
