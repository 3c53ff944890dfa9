import type { BlockManifest } from '@mallkit/core/plugin'
import { bannerManifest } from './banner/manifest.ts'
import { categoryTabsManifest } from './category-tabs/manifest.ts'
import { customerServiceManifest } from './customer-service/manifest.ts'
import { dividerManifest } from './divider/manifest.ts'
import { headerManifest } from './header/manifest.ts'
import { iconNavManifest } from './icon-nav/manifest.ts'
import { imageCubeManifest } from './image-cube/manifest.ts'
import { noticeBarManifest } from './notice-bar/manifest.ts'
import { productGridManifest } from './product-grid/manifest.ts'
import { productListManifest } from './product-list/manifest.ts'
import { richTextManifest } from './rich-text/manifest.ts'
import { spacerManifest } from './spacer/manifest.ts'
import { tabBarManifest } from './tab-bar/manifest.ts'
import { videoManifest } from './video/manifest.ts'

/**
 * The core's storefront blocks by local name (`banner` is block type `core/banner`): zod only,
 * safe in browsers, so the builder can import them too.
 */
export const coreBlockManifests: Record<string, BlockManifest> = {
  header: headerManifest,
  'notice-bar': noticeBarManifest,
  banner: bannerManifest,
  'image-cube': imageCubeManifest,
  'icon-nav': iconNavManifest,
  'category-tabs': categoryTabsManifest,
  'product-grid': productGridManifest,
  'product-list': productListManifest,
  'rich-text': richTextManifest,
  spacer: spacerManifest,
  divider: dividerManifest,
  video: videoManifest,
  'customer-service': customerServiceManifest,
  'tab-bar': tabBarManifest,
}
