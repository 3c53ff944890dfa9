import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { MallLink } from '../../shared/mall-link.ts'
import { NAV_ICON_NAMES } from '../../shared/nav-icons.ts'
import { z } from 'zod'

export const IconNavItem = z
  .object({
    /** An icon from the allowlist, or… */
    icon: z.enum(NAV_ICON_NAMES).optional(),
    /** …an image (a mall path or an https URL): exactly one of the two. */
    image: MallLink.optional(),
    label: LocalizedText,
    link: MallLink,
  })
  .refine((item) => (item.icon === undefined) !== (item.image === undefined), {
    path: ['icon'],
    message: 'either an icon or an image',
  })

export const IconNavProps = z.object({
  items: z
    .array(IconNavItem)
    .min(4)
    .max(10)
    .default([
      { icon: 'sparkles', label: { 'zh-CN': '新品', en: 'New' }, link: '/search?sort=newest' },
      { icon: 'flame', label: { 'zh-CN': '热销', en: 'Best sellers' }, link: '/search?sort=sales' },
      { icon: 'layout-grid', label: { 'zh-CN': '分类', en: 'Categories' }, link: '/categories' },
      { icon: 'package', label: { 'zh-CN': '订单', en: 'Orders' }, link: '/orders' },
    ]),
  columns: z.union([z.literal(4), z.literal(5)]).default(4),
})
export type IconNavProps = z.infer<typeof IconNavProps>

/** A grid of shortcuts, each an icon or image with a label. */
export const iconNavManifest: BlockManifest = {
  label: { 'zh-CN': '图标导航', en: 'Icon navigation' },
  icon: 'lucide:shapes',
  category: 'basic',
  props: IconNavProps,
  inspector: {
    items: {
      widget: 'list',
      help: { 'zh-CN': '4 到 10 个入口', en: '4 to 10 shortcuts' },
    },
    columns: { widget: 'segmented' },
  },
}
