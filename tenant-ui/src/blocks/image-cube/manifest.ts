import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { MallLink } from '../../shared/mall-link.ts'
import { z } from 'zod'
import { CUBE_LAYOUTS } from './layouts.ts'

export const CubeImage = z.object({
  image: MallLink,
  alt: LocalizedText.default({}),
  link: MallLink.optional(),
})

const Percent = z.number().min(0).max(100)

/** A clickable rectangle on a hot-zone image, in percent of the image's width and height. */
export const HotZone = z
  .object({
    x: Percent,
    y: Percent,
    width: Percent.min(1),
    height: Percent.min(1),
    link: MallLink,
    /** What the zone leads to, for screen readers (the image's pixels say it to everyone else). */
    label: LocalizedText.default({}),
  })
  .refine((zone) => zone.x + zone.width <= 100, {
    path: ['width'],
    message: 'the zone reaches past the right edge',
  })
  .refine((zone) => zone.y + zone.height <= 100, {
    path: ['height'],
    message: 'the zone reaches past the bottom edge',
  })
export type HotZone = z.infer<typeof HotZone>

export const ImageCubeProps = z
  .object({
    layout: z.enum(['1-2', '2-2', '1-3', 'hot-zone']).default('1-2'),
    /** Exactly as many as the layout has cells (1–4); empty renders nothing. */
    images: z.array(CubeImage).max(4).default([]),
    /** The `hot-zone` layout's clickable regions on its one image. */
    zones: z.array(HotZone).max(20).default([]),
    aspect: z.enum(['1:1', '4:3', '3:4', '16:9']).default('1:1'),
    gap: z.number().int().min(0).max(16).default(8),
  })
  .superRefine((value, ctx) => {
    const cells = CUBE_LAYOUTS[value.layout]
    if (value.images.length > 0 && value.images.length !== cells)
      ctx.addIssue({
        code: 'custom',
        path: ['images'],
        message: `the ${value.layout} layout takes ${cells} image${cells === 1 ? '' : 's'}`,
      })
    if (value.layout !== 'hot-zone' && value.zones.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['zones'],
        message: 'only the hot-zone layout has zones',
      })
  })
export type ImageCubeProps = z.infer<typeof ImageCubeProps>

/** Two to four linked images side by side or in a square, or one image with clickable hot zones. */
export const imageCubeManifest: BlockManifest = {
  label: { 'zh-CN': '图片魔方', en: 'Image cube' },
  icon: 'lucide:layout-dashboard',
  category: 'media',
  props: ImageCubeProps,
  inspector: {
    layout: {
      widget: 'segmented',
      help: {
        'zh-CN': '一行两张、两行两张、一行三张，或一张图上划出热区',
        en: 'One row of two, two rows of two, one row of three, or hot zones on one image',
      },
    },
    images: { widget: 'list', help: { 'zh-CN': '每张可设链接', en: 'Each may link somewhere' } },
    zones: {
      widget: 'hot-zones',
      help: {
        'zh-CN': '在图片上框出可点击的区域，每个区域一个链接',
        en: 'Draw clickable regions on the image, one link each',
      },
    },
    aspect: { widget: 'segmented' },
    gap: { widget: 'slider', help: { 'zh-CN': '像素', en: 'Pixels' } },
  },
}
