import { For, Show } from 'solid-js'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { CUBE_LAYOUTS } from './layouts.ts'
import type { ImageCubeProps } from './manifest.ts'
import './image-cube.css'

const RATIO = { '1:1': '1 / 1', '4:3': '4 / 3', '3:4': '3 / 4', '16:9': '16 / 9' } as const

/** Images in one row of two, two rows of two or one row of three; each may be a link. */
export default function ImageCubeBlock(p: BlockComponentProps<ImageCubeProps>) {
  const store = useStorefront()
  const columns = () => (p.props.layout === '1-3' ? 3 : 2)
  const images = () => p.props.images.slice(0, CUBE_LAYOUTS[p.props.layout])
  return (
    <Show when={images().length > 0}>
      <div class="mk-cube" style={{ '--mk-cube-cols': String(columns()), gap: `${p.props.gap}px` }}>
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
  )
}
