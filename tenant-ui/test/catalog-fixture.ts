import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { bootCore, type Core } from '../../core/src/boot.ts'
import { createCategory } from '../../core/src/commerce/catalog/category-service.ts'
import { ProductInput } from '../../core/src/commerce/catalog/product-input.ts'
import { saveProduct } from '../../core/src/commerce/catalog/product-write.ts'
import { prepareImage, storeImage } from '../../core/src/commerce/storage/media-service.ts'
import { storageFor } from '../../core/src/commerce/storage/storage.ts'
import { loadConfig, type Config } from '../../core/src/config/env.ts'
import { withTenant } from '../../core/src/db/tenant-scope.ts'
import { renderDemoImage } from '../../core/src/demo/demo-image.ts'
import { ensurePlans } from '../../core/src/demo/seed.ts'
import { createMall } from '../../core/src/tenancy/tenants.ts'
import { createTestDb } from '../../core/test/db.ts'
import { OWNER_PASSWORD, TestClient } from '../../core/test/app.ts'
import { PluginHost } from '../../core/src/plugins/host.ts'
import type { PluginServer } from '../../core/src/plugins/index.ts'
import { CORE_VERSION } from '../../core/src/version.ts'
import { createStorefront } from '../src/server/index.ts'
import type { Locale } from '../src/shared/localized.ts'

/** Ids of what the catalog fixture created. */
export interface CatalogIds {
  fruit: string
  apples: string
  tea: string
  empty: string
  bulk: string
  apple: string
  oolong: string
  draft: string
}

/** A core with the storefront and one mall (`shop`, zh-CN by default) holding a small catalog. */
export interface CatalogFixture {
  core: Core
  tenantId: string
  ids: CatalogIds
  /** GETs a storefront path of the mall on its own host. */
  get(path: string): Promise<{ status: number; html: string }>
  close(): Promise<void>
}

/**
 * The catalog fixture for a test file: booted before its first test, closed after its last. Read
 * it inside tests only (before then it throws).
 */
export function useCatalogFixture(): Omit<CatalogFixture, 'close'> {
  let fixture: CatalogFixture | undefined
  beforeAll(async () => {
    fixture = await catalogFixture()
  }, 120_000)
  afterAll(() => fixture?.close())
  const booted = () => {
    if (!fixture) throw new Error('the catalog fixture is read before its beforeAll ran')
    return fixture
  }
  return {
    get core() {
      return booted().core
    },
    get tenantId() {
      return booted().tenantId
    },
    get ids() {
      return booted().ids
    },
    get: (path) => booted().get(path),
  }
}

/** The state the document embeds for hydration, parsed. */
export function embeddedState<D>(html: string): { view: { kind: string; data: D } } {
  const json = /<script type="application\/json" id="mk-state">([^]*?)<\/script>/.exec(html)?.[1]
  if (!json) throw new Error('no embedded state')
  return JSON.parse(json) as { view: { kind: string; data: D } }
}

/** The app's server-rendered markup: what the shopper sees before any script runs. */
export function appHtml(html: string): string {
  return /<div id="mk-app">([^]*?)<\/div>\n<script type="application\/json"/.exec(html)?.[1] ?? ''
}

/** A booted core and its one mall, `shop`, with nothing in it yet. */
export interface Shop {
  core: Core
  config: Config
  tenantId: string
  /** A client on `shop.localhost` logged in as the mall's owner (staff log in on the platform host). */
  owner(): Promise<TestClient>
  /** Closes the core and removes its data directory. */
  close(): Promise<void>
}

const OWNER_EMAIL = 'owner@shop.test'

/**
 * Boots the core with the storefront on a fresh database (its own data directory) and creates one
 * mall, `shop` (Corner Shop, CNY), in `defaultLocale`, on the host `shop.localhost`. `plugins` are
 * installed (their migrations applied), not yet enabled for the mall.
 */
export async function bootShop(
  defaultLocale: Locale,
  options: { plugins?: PluginServer[] } = {},
): Promise<Shop> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mallkit-shop-'))
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MALLKIT_DATA_DIR: dataDir })
  const plugins = options.plugins ?? []
  const core = await bootCore({
    config,
    database: await createTestDb(new PluginHost(plugins, CORE_VERSION).migrationSets()),
    skipMigrations: true,
    plugins,
    storefront: createStorefront(),
  })
  await ensurePlans(core.services.db)
  const tenant = await createMall(
    core.services.db,
    {
      slug: 'shop',
      name: 'Corner Shop',
      defaultLocale,
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      planId: 'standard',
      owner: { email: OWNER_EMAIL, name: 'Owner', password: OWNER_PASSWORD },
    },
    null,
  )
  return {
    core,
    config,
    tenantId: tenant.id,
    async owner() {
      const platform = new TestClient(core, 'localhost')
      await platform.loginStaff(OWNER_EMAIL)
      const owner = new TestClient(core, 'shop.localhost')
      for (const [name, value] of platform.cookies) owner.cookies.set(name, value)
      return owner
    },
    async close() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Boots the core with the storefront on a fresh database and seeds a catalog: 水果 Fruit (with
 * 苹果 Apples: a Fuji apple), 茶 Tea (an oolong in two sizes, one sold out, with an image and a
 * description; a draft), an empty category, 25 products in 批量 Bulk, and a shipping template.
 */
export async function catalogFixture(): Promise<CatalogFixture> {
  const { core, config, tenantId, close } = await bootShop('zh-CN')
  const tenant = { id: tenantId }
  const image = await prepareImage(
    await renderDemoImage({ hue: 140, shape: 'circle', zh: '乌龙茶', en: 'Oolong' }),
  )
  const ids = await withTenant(core.services.db, tenant.id, async (tx) => {
    const scope = { db: tx, tenant: { id: tenant.id } }
    const category = (zh: string, en: string, parentId: string | null = null) =>
      createCategory(scope, { name: { 'zh-CN': zh, en }, parentId })
    const fruit = await category('水果', 'Fruit')
    const apples = await category('苹果', 'Apples', fruit)
    const tea = await category('茶', 'Tea')
    const empty = await category('空分类', 'Nothing here')
    const bulk = await category('批量', 'Bulk')
    const product = (input: Record<string, unknown>) =>
      saveProduct(scope, ProductInput.parse({ status: 'active', ...input }))
    const apple = await product({
      title: { 'zh-CN': '富士苹果', en: 'Fuji apple' },
      categoryId: apples,
      skus: [{ price: 1200, compareAtPrice: 1700, stock: 3 }],
    })
    const media = await storeImage(tx, tenant.id, storageFor(config), image, { alt: 'Oolong' })
    const oolong = await product({
      title: { 'zh-CN': '乌龙茶', en: 'Oolong tea' },
      subtitle: { 'zh-CN': '高山茶园', en: 'From mountain gardens' },
      description: {
        'zh-CN': '<p>清香<b>回甘</b></p><script>alert(1)</script>',
        en: '<p>Fragrant with a <b>sweet</b> finish</p>',
      },
      categoryId: tea,
      imageIds: [media.id],
      specOptions: [
        {
          name: { 'zh-CN': '规格', en: 'Size' },
          values: [
            { 'zh-CN': '50克', en: '50 g' },
            { 'zh-CN': '100克', en: '100 g' },
          ],
        },
      ],
      skus: [
        { spec: { 规格: '50克' }, price: 3800, compareAtPrice: 4800, stock: 0 },
        { spec: { 规格: '100克' }, price: 6800, compareAtPrice: 8800, stock: 7 },
      ],
    })
    const draft = await product({
      title: { 'zh-CN': '未上架的茶', en: 'Unreleased tea' },
      categoryId: tea,
      status: 'draft',
      skus: [{ price: 100, stock: 1 }],
    })
    for (let i = 1; i <= 25; i++)
      await product({
        title: { 'zh-CN': `批量商品 ${i}`, en: `Bulk item ${i}` },
        categoryId: bulk,
        skus: [{ price: 100 * i, stock: 5 }],
      })
    await tx
      .insertInto('core__shipping_template')
      .values({
        tenant_id: tenant.id,
        name: 'Default',
        basis: 'piece',
        rules: JSON.stringify([
          { regions: ['新疆'], first: 1, firstFee: 2000, additional: 1, additionalFee: 1000 },
          { regions: ['*'], first: 1, firstFee: 800, additional: 1, additionalFee: 200 },
        ]),
        free_threshold: 9900,
        is_default: true,
      })
      .execute()
    return { fruit, apples, tea, empty, bulk, apple, oolong, draft }
  })
  return {
    core,
    tenantId: tenant.id,
    ids,
    async get(path) {
      const host = 'shop.localhost'
      const response = await core.app.request(`http://${host}${path}`, { headers: { host } })
      return { status: response.status, html: await response.text() }
    },
    close,
  }
}
