import type { BlockManifest } from '@mallkit/core/plugin'
import { LocalizedText } from '../../shared/localized-text.ts'
import { MallLink } from '../../shared/mall-link.ts'
import { z } from 'zod'

/** An https URL of an mp4 or webm file (a query string is allowed). */
export const VideoUrl = z
  .string()
  .max(1000)
  .regex(
    /^https:\/\/[^/\\\s]+\/[^\s\\?#]*\.(?:mp4|webm)(?:[?#][^\s\\]*)?$/i,
    'an https .mp4 or .webm URL',
  )

export const VideoProps = z.object({
  src: VideoUrl.optional(),
  /** The still shown before playing. */
  poster: MallLink.optional(),
  /** The video's accessible name. */
  title: LocalizedText.default({}),
  aspect: z.enum(['16:9', '4:3', '1:1', '9:16']).default('16:9'),
  /** Plays muted when shown (never with sound, never for reduced motion). */
  autoplayMuted: z.boolean().default(false),
  loop: z.boolean().default(false),
})
export type VideoProps = z.infer<typeof VideoProps>

/** A video with controls that loads nothing until played. */
export const videoManifest: BlockManifest = {
  label: { 'zh-CN': '视频', en: 'Video' },
  icon: 'lucide:video',
  category: 'media',
  props: VideoProps,
  inspector: {
    src: { widget: 'url', help: { 'zh-CN': 'https 的 mp4 或 webm', en: 'An https mp4 or webm' } },
    poster: { widget: 'image' },
    title: { widget: 'localized-text' },
    aspect: { widget: 'segmented' },
    autoplayMuted: {
      widget: 'switch',
      help: {
        'zh-CN': '静音自动播放；访客要求减少动画时不播放',
        en: 'Muted; off for visitors who ask for reduced motion',
      },
    },
    loop: { widget: 'switch' },
  },
}
