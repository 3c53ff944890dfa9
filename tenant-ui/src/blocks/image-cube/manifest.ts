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

export const ImageCubeProps = z
  .object({
    layout: z.enum(['1-2', '2-2', '1-3']).default('1-2'),
    /** Exactly as many as the layout has cells (2–4); empty renders nothing. */
    images: z.array(CubeImage).max(4).default([]),
    aspect: z.enum(['1:1', '4:3', '3:4', '16:9']).default('1:1'),
    gap: z.number().int().min(0).max(16).default(8),
  })
  .superRefine((value, ctx) => {
    const cells = CUBE_LAYOUTS[value.layout]
    if (value.images.length > 0 && value.images.length !== cells)
      ctx.addIssue({
        code: 'custom',
        path: ['images'],
        message: `the ${value.layout} layout takes ${cells} images`,
      })
  })
export type ImageCubeProps = z.infer<typeof ImageCubeProps>

/** Two to four linked images side by side or in a square. */
export const imageCubeManifest: BlockManifest = {
  label: { 'zh-CN': '图片魔方', en: 'Image cube' },
  icon: 'lucide:layout-dashboard',
  category: 'media',
  props: ImageCubeProps,
  inspector: {
    layout: {
      widget: 'segmented',
      help: {
        'zh-CN': '一行两张、两行两张或一行三张',
        en: 'One row of two, two rows of two, or one row of three',
      },
    },
    images: { widget: 'list', help: { 'zh-CN': '每张可设链接', en: 'Each may link somewhere' } },
    aspect: { widget: 'segmented' },
    gap: { widget: 'slider', help: { 'zh-CN': '像素', en: 'Pixels' } },
  },
}
