import { onMount, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import type { VideoProps } from './manifest.ts'
import './video.css'

const RATIO = { '16:9': '16 / 9', '4:3': '4 / 3', '1:1': '1 / 1', '9:16': '9 / 16' } as const

const mimeType = (src: string) => (/\.webm(?:[?#]|$)/i.test(src) ? 'video/webm' : 'video/mp4')

/**
 * A video with native controls that downloads nothing until played (`preload="none"`). Muted
 * autoplay starts after hydration, and never for visitors who ask for reduced motion.
 */
export default function VideoBlock(p: BlockComponentProps<VideoProps>) {
  const store = useStorefront()
  const en = () => store.locale === 'en'
  let video: HTMLVideoElement | undefined
  onMount(() => {
    if (!video || !p.props.autoplayMuted) return
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return
    video.muted = true
    // A browser may refuse even muted autoplay; the controls still work.
    video.play().catch(() => {})
  })
  return (
    <Show when={p.props.src}>
      {(src) => (
        <div class="mk-video">
          <video
            ref={(el) => (video = el)}
            class="mk-video__player"
            style={{ 'aspect-ratio': RATIO[p.props.aspect] }}
            controls
            preload="none"
            playsinline
            muted={p.props.autoplayMuted}
            loop={p.props.loop}
            poster={p.props.poster ? mallHref(store.base, p.props.poster) : undefined}
            aria-label={pick(p.props.title, store.locale) || (en() ? 'Video' : '视频')}
          >
            <source src={src()} type={mimeType(src())} />
            <a href={src()}>{en() ? 'Download the video' : '下载视频'}</a>
          </video>
        </div>
      )}
    </Show>
  )
}
