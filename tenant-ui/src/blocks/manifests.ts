import type { BlockManifest } from '@mallkit/core/plugin'
import { bannerManifest } from './banner/manifest.ts'
import { headerManifest } from './header/manifest.ts'
import { noticeBarManifest } from './notice-bar/manifest.ts'
import { productGridManifest } from './product-grid/manifest.ts'
import { richTextManifest } from './rich-text/manifest.ts'
import { spacerManifest } from './spacer/manifest.ts'

/**
 * The core's storefront blocks by local name (`banner` is block type `core/banner`): zod only,
 * safe in browsers, so the builder can import them too.
 */
export const coreBlockManifests: Record<string, BlockManifest> = {
  header: headerManifest,
  'notice-bar': noticeBarManifest,
  banner: bannerManifest,
  'product-grid': productGridManifest,
  'rich-text': richTextManifest,
  spacer: spacerManifest,
}
