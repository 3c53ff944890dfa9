import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import chevronLeftSvg from '~icons/lucide/chevron-left?raw'
import chevronRightSvg from '~icons/lucide/chevron-right?raw'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { SvgIcon, svgInner } from '../SvgIcon.tsx'
import type { BannerProps } from './manifest.ts'
import './banner.css'

const PREVIOUS = svgInner(chevronLeftSvg)
const NEXT = svgInner(chevronRightSvg)

const RATIO = { '2:1': '2 / 1', '16:9': '16 / 9', '3:1': '3 / 1' } as const

/**
 * A carousel: every slide is in the server's HTML (the first one shown); the buttons, dots and
 * autoplay work once hydrated. Autoplay pauses while pointed at or focused, stops after the
 * visitor steps through by hand, and never runs for reduced motion.
 */
export default function BannerBlock(p: BlockComponentProps<BannerProps>) {
  const store = useStorefront()
  const [index, setIndex] = createSignal(0)
  const [paused, setPaused] = createSignal(false)
  let manual = false
  const count = () => p.props.slides.length
  const go = (step: number) => setIndex((i) => (i + step + count()) % count())
  const step = (delta: number) => {
    manual = true
    go(delta)
  }
  const en = () => store.locale === 'en'

  onMount(() => {
    if (!p.props.autoplay || count() < 2) return
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return
    const timer = setInterval(() => {
      if (!manual && !paused()) go(1)
    }, p.props.intervalMs)
    onCleanup(() => clearInterval(timer))
  })

  return (
    <Show when={count() > 0}>
      <section
        class="mk-banner"
        aria-roledescription="carousel"
        aria-label={en() ? 'Featured' : '精选推荐'}
        data-index={index()}
        style={{ 'aspect-ratio': RATIO[p.props.aspect] }}
        onPointerEnter={() => setPaused(true)}
        onPointerLeave={() => setPaused(false)}
        onFocusIn={() => setPaused(true)}
        onFocusOut={() => setPaused(false)}
      >
        <div class="mk-banner__track" style={{ transform: `translateX(${-100 * index()}%)` }}>
          <For each={p.props.slides}>
            {(slide, i) => (
              <a
                class="mk-banner__slide"
                href={slide.link ? mallHref(store.base, slide.link) : undefined}
                aria-hidden={i() !== index()}
                tabIndex={i() === index() ? 0 : -1}
                aria-roledescription="slide"
                aria-label={`${i() + 1} / ${count()}`}
              >
                <img
                  src={mallHref(store.base, slide.image)}
                  alt={pick(slide.alt, store.locale)}
                  loading={i() === 0 ? 'eager' : 'lazy'}
                  decoding="async"
                />
              </a>
            )}
          </For>
        </div>
        <Show when={count() > 1}>
          <button
            type="button"
            class="mk-banner__nav mk-banner__nav--prev"
            aria-label={en() ? 'Previous slide' : '上一张'}
            onClick={() => step(-1)}
          >
            <SvgIcon inner={PREVIOUS} />
          </button>
          <button
            type="button"
            class="mk-banner__nav mk-banner__nav--next"
            aria-label={en() ? 'Next slide' : '下一张'}
            onClick={() => step(1)}
          >
            <SvgIcon inner={NEXT} />
          </button>
          <div class="mk-banner__dots" aria-hidden="true">
            <For each={p.props.slides}>
              {(_, i) => (
                <span
                  class="mk-banner__dot"
                  classList={{ 'mk-banner__dot--on': i() === index() }}
                />
              )}
            </For>
          </div>
        </Show>
      </section>
    </Show>
  )
}
