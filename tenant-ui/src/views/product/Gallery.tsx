import { createSignal, For, Show } from 'solid-js'
import IconChevronLeft from '~icons/lucide/chevron-left'
import IconChevronRight from '~icons/lucide/chevron-right'
import IconImage from '~icons/lucide/image'
import { useStorefront } from '../../app/storefront-context.ts'
import { inLocale } from '../../shared/i18n.ts'
import type { ProductImage } from './data.ts'
import { text } from './messages.ts'

/**
 * The product's images in a row that snaps one image at a time: swiping is the browser's own
 * scrolling (it works before hydration), the index follows the scroll, and buttons step through
 * the images for mouse and keyboard users.
 */
export function Gallery(p: { images: readonly ProductImage[] }) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const [index, setIndex] = createSignal(0)
  let track: HTMLDivElement | undefined
  const count = () => p.images.length
  const onScroll = () => {
    if (!track || track.clientWidth === 0) return
    setIndex(Math.min(count() - 1, Math.max(0, Math.round(track.scrollLeft / track.clientWidth))))
  }
  const show = (next: number) => {
    if (!track) return
    const target = (next + count()) % count()
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    track.scrollTo({ left: target * track.clientWidth, behavior: smooth ? 'smooth' : 'auto' })
    setIndex(target)
  }
  return (
    <section class="mk-gallery" aria-label={t.gallery} aria-roledescription="carousel">
      <Show
        when={count() > 0}
        fallback={
          <div class="mk-gallery__empty">
            <IconImage aria-hidden="true" />
          </div>
        }
      >
        <div class="mk-gallery__track" ref={(el) => (track = el)} onScroll={onScroll} tabIndex={0}>
          <For each={p.images}>
            {(image, i) => (
              <div
                class="mk-gallery__slide"
                role="group"
                aria-roledescription="slide"
                aria-label={t.imageOf(i() + 1, count())}
              >
                <img
                  src={image.src}
                  srcset={image.srcset || undefined}
                  sizes="(min-width: 900px) 560px, 100vw"
                  alt={image.alt}
                  width={image.width}
                  height={image.height}
                  loading={i() === 0 ? 'eager' : 'lazy'}
                  decoding="async"
                  fetchpriority={i() === 0 ? 'high' : undefined}
                />
              </div>
            )}
          </For>
        </div>
        <Show when={count() > 1}>
          <button
            type="button"
            class="mk-gallery__nav mk-gallery__nav--prev"
            aria-label={t.previous}
            onClick={() => show(index() - 1)}
          >
            <IconChevronLeft aria-hidden="true" />
          </button>
          <button
            type="button"
            class="mk-gallery__nav mk-gallery__nav--next"
            aria-label={t.next}
            onClick={() => show(index() + 1)}
          >
            <IconChevronRight aria-hidden="true" />
          </button>
          <span class="mk-gallery__index" aria-hidden="true" data-index={index()}>
            {index() + 1}/{count()}
          </span>
        </Show>
      </Show>
    </section>
  )
}
