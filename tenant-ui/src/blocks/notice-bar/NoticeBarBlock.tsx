import { Show } from 'solid-js'
import megaphoneSvg from '~icons/lucide/megaphone?raw'
import { useStorefront } from '../../app/storefront-context.ts'
import { mallHref } from '../../shared/format.ts'
import { pick } from '../../shared/localized.ts'
import type { BlockComponentProps } from '../block-props.ts'
import { SvgIcon, svgInner } from '../SvgIcon.tsx'
import type { NoticeBarProps } from './manifest.ts'
import './notice-bar.css'

const MEGAPHONE = svgInner(megaphoneSvg)

/** A one-line announcement, optionally a link. */
export default function NoticeBarBlock(p: BlockComponentProps<NoticeBarProps>) {
  const store = useStorefront()
  const text = () => (
    <span class="mk-notice__text" classList={{ 'mk-notice__text--scroll': p.props.scroll }}>
      {pick(p.props.text, store.locale)}
    </span>
  )
  return (
    <aside class="mk-notice" aria-label={store.locale === 'en' ? 'Notice' : '公告'}>
      <SvgIcon inner={MEGAPHONE} class="mk-notice__icon" />
      <Show when={p.props.link} fallback={<div class="mk-notice__body">{text()}</div>}>
        {(link) => (
          <a class="mk-notice__body" href={mallHref(store.base, link())}>
            {text()}
          </a>
        )}
      </Show>
    </aside>
  )
}
