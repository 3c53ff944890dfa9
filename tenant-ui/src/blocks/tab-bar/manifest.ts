import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { MallLink } from '../../shared/mall-link.ts'
import { NAV_ICON_NAMES } from '../../shared/nav-icons.ts'
import { z } from 'zod'

export const TabBarItem = z.object({
  icon: z.enum(NAV_ICON_NAMES),
  label: LocalizedText,
  link: MallLink,
})

export const TabBarProps = z.object({
  items: z
    .array(TabBarItem)
    .min(2)
    .max(5)
    .default([
      { icon: 'house', label: { 'zh-CN': '首页', en: 'Home' }, link: '/' },
      { icon: 'layout-grid', label: { 'zh-CN': '分类', en: 'Categories' }, link: '/categories' },
      { icon: 'shopping-cart', label: { 'zh-CN': '购物车', en: 'Cart' }, link: '/cart' },
      { icon: 'user', label: { 'zh-CN': '我的', en: 'Me' }, link: '/account' },
    ]),
})
export type TabBarProps = z.infer<typeof TabBarProps>

/** The bottom navigation bar of a phone storefront. */
export const tabBarManifest: BlockManifest = {
  label: { 'zh-CN': '底部导航', en: 'Bottom tab bar' },
  icon: 'lucide:panel-bottom',
  category: 'basic',
  props: TabBarProps,
  inspector: {
    items: { widget: 'list', help: { 'zh-CN': '2 到 5 项', en: '2 to 5 items' } },
  },
  placement: { allowIn: ['root'], maxPerPage: 1 },
}
