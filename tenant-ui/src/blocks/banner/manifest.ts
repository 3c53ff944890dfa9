import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { z } from 'zod'

const MallUrl = z
  .string()
  .max(500)
  .regex(/^(\/(?!\/)|https?:\/\/)/, 'a path like /media/… or an http(s) URL')

export const BannerSlide = z.object({
  /** A mall path (`/media/…`) or an http(s) URL. */
  image: MallUrl,
  alt: LocalizedText.default({}),
  link: MallUrl.optional(),
})

export const BannerProps = z.object({
  slides: z.array(BannerSlide).max(10).default([]),
  autoplay: z.boolean().default(true),
  intervalMs: z.number().int().min(2000).max(10000).default(4000),
  aspect: z.enum(['2:1', '16:9', '3:1']).default('2:1'),
})
export type BannerProps = z.infer<typeof BannerProps>

/** A carousel of images with previous / next buttons and dots. */
export const bannerManifest: BlockManifest = {
  label: { 'zh-CN': '轮播图', en: 'Banner carousel' },
  icon: 'lucide:gallery-horizontal',
  category: 'media',
  props: BannerProps,
  inspector: {
    slides: { widget: 'list', help: { 'zh-CN': '最多 10 张', en: 'Up to 10 slides' } },
    autoplay: {
      widget: 'switch',
      help: {
        'zh-CN': '访客要求减少动画时不自动播放',
        en: 'Off for visitors who ask for reduced motion',
      },
    },
    intervalMs: { widget: 'slider' },
    aspect: { widget: 'segmented' },
  },
}
