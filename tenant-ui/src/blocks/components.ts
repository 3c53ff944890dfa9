import type { Component } from 'solid-js'
import BannerBlock from './banner/BannerBlock.tsx'
import HeaderBlock from './header/HeaderBlock.tsx'
import NoticeBarBlock from './notice-bar/NoticeBarBlock.tsx'
import ProductGridBlock from './product-grid/ProductGridBlock.tsx'
import RichTextBlock from './rich-text/RichTextBlock.tsx'
import SpacerBlock from './spacer/SpacerBlock.tsx'

/** The Solid component of each core block type; plugins' blocks join here at build time. */
// Each component types its own props; the page renderer hands them parsed props and loader data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const blockComponents: Record<string, Component<any>> = {
  'core/header': HeaderBlock,
  'core/notice-bar': NoticeBarBlock,
  'core/banner': BannerBlock,
  'core/product-grid': ProductGridBlock,
  'core/rich-text': RichTextBlock,
  'core/spacer': SpacerBlock,
}
