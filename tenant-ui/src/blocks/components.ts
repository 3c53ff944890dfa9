import type { Component } from 'solid-js'
import BannerBlock from './banner/BannerBlock.tsx'
import CategoryTabsBlock from './category-tabs/CategoryTabsBlock.tsx'
import CustomerServiceBlock from './customer-service/CustomerServiceBlock.tsx'
import DividerBlock from './divider/DividerBlock.tsx'
import HeaderBlock from './header/HeaderBlock.tsx'
import IconNavBlock from './icon-nav/IconNavBlock.tsx'
import ImageCubeBlock from './image-cube/ImageCubeBlock.tsx'
import NoticeBarBlock from './notice-bar/NoticeBarBlock.tsx'
import ProductGridBlock from './product-grid/ProductGridBlock.tsx'
import ProductListBlock from './product-list/ProductListBlock.tsx'
import RichTextBlock from './rich-text/RichTextBlock.tsx'
import SpacerBlock from './spacer/SpacerBlock.tsx'
import TabBarBlock from './tab-bar/TabBarBlock.tsx'
import VideoBlock from './video/VideoBlock.tsx'
import pluginBlocks from 'virtual:mallkit/plugin-blocks'
import type { CheckoutSectionProps } from './plugin-blocks.ts'

/**
 * The Solid component of each block type: the core's, then the installed plugins' (generated at
 * build time; `<plugin id>/<block>`). Whether a plugin's block renders for a mall is decided at
 * request time, before render.
 */
// Each component types its own props; the page renderer hands them parsed props and loader data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const blockComponents: Record<string, Component<any>> = {
  'core/header': HeaderBlock,
  'core/notice-bar': NoticeBarBlock,
  'core/banner': BannerBlock,
  'core/image-cube': ImageCubeBlock,
  'core/icon-nav': IconNavBlock,
  'core/category-tabs': CategoryTabsBlock,
  'core/product-grid': ProductGridBlock,
  'core/product-list': ProductListBlock,
  'core/rich-text': RichTextBlock,
  'core/spacer': SpacerBlock,
  'core/divider': DividerBlock,
  'core/video': VideoBlock,
  'core/customer-service': CustomerServiceBlock,
  'core/tab-bar': TabBarBlock,
}

for (const plugin of pluginBlocks)
  for (const [name, component] of Object.entries(plugin.components))
    blockComponents[`${plugin.pluginId}/${name}`] = component

/** The installed plugins' checkout sections, by plugin id (each shown while its plugin is on). */
export const checkoutSections: readonly {
  pluginId: string
  component: Component<CheckoutSectionProps>
}[] = pluginBlocks.flatMap((plugin) =>
  plugin.checkout ? [{ pluginId: plugin.pluginId, component: plugin.checkout }] : [],
)
