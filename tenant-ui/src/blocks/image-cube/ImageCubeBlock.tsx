import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { CUBE_LAYOUTS } from './layouts.ts'
import type { ImageCubeProps } from './manifest.ts'
import './image-cube.css'

const RATIO = { '1:1': '1 / 1', '4:3': '4 / 3', '3:4': '3 / 4', '16:9': '16 / 9' } as const

/** One image with links on rectangles of it, each named for screen readers. */
function HotZoneImage(p: { props: ImageCubeProps; image: ImageCubeProps['images'][number] }) {
  const store = useStorefront()
  const pct = (value: number) => `${value}%`
  return (
    <div class="mk-cube mk-cube--zones">
      <img
        src={mallHref(store.base, p.image.image)}
        alt={pick(p.image.alt, store.locale)}
        style={{ 'aspect-ratio': RATIO[p.props.aspect] }}
        loading="lazy"
        decoding="async"
      />
      <For each={p.props.zones}>
        {(zone) => (
          <a
            class="mk-cube__zone"
            href={mallHref(store.base, zone.link)}
            aria-label={pick(zone.label, store.locale) || undefined}
            style={{
              left: pct(zone.x),
              top: pct(zone.y),
              width: pct(zone.width),
              height: pct(zone.height),
            }}
          />
        )}
      </For>
    </div>
  )
}

/**
 * Images in one row of two, two rows of two or one row of three, each may be a link; or one image
 * with hot zones.
 */
export default function ImageCubeBlock(p: BlockComponentProps<ImageCubeProps>) {
  const store = useStorefront()
  const columns = () => (p.props.layout === '1-3' ? 3 : 2)
  const images = () => p.props.images.slice(0, CUBE_LAYOUTS[p.props.layout])
  return (
    <Show
      when={p.props.layout !== 'hot-zone'}
      fallback={
        <Show when={images()[0]}>
          {(image) => <HotZoneImage props={p.props} image={image()} />}
        </Show>
      }
    >
      <Show when={images().length > 0}>
        <div
          class="mk-cube"
          style={{ '--mk-cube-cols': String(columns()), gap: `${p.props.gap}px` }}
        >
          <For each={images()}>
            {(cell) => {
              const img = () => (
                <img
                  src={mallHref(store.base, cell.image)}
                  alt={pick(cell.alt, store.locale)}
                  style={{ 'aspect-ratio': RATIO[p.props.aspect] }}
                  loading="lazy"
                  decoding="async"
                />
              )
              return (
                <Show when={cell.link} fallback={<div class="mk-cube__cell">{img()}</div>}>
                  {(link) => (
                    <a class="mk-cube__cell" href={mallHref(store.base, link())}>
                      {img()}
                    </a>
                  )}
                </Show>
              )
            }}
          </For>
        </div>
      </Show>
    </Show>
  )
}
