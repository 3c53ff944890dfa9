import { createSignal, For, onMount, Show } from 'solid-js'
import { kitText } from '../strings.ts'
import { listMedia, thumbUrl, type Media } from './media-api.ts'
import { pickerText } from './image-picker-strings.ts'

/**
 * The mall's uploaded images as a grid of buttons, newest first, a page at a time; choosing one
 * hands it to `onPick`. `chosen` marks the images already in use.
 */
export function MediaLibrary(p: {
  slug: string
  onPick: (media: Media) => void
  chosen?: (media: Media) => boolean
  /** Receives `prepend`, so an image uploaded while the library is open shows at once. */
  ref?: (controls: { prepend(media: Media): void }) => void
}) {
  const [items, setItems] = createSignal<Media[]>([])
  const [next, setNext] = createSignal<string | null>(null)
  const [loading, setLoading] = createSignal(false)
  const [failed, setFailed] = createSignal(false)

  const load = async (cursor: string | null) => {
    setLoading(true)
    setFailed(false)
    try {
      const page = await listMedia(p.slug, cursor)
      setItems((before) => (cursor ? [...before, ...page.items] : page.items))
      setNext(page.nextCursor)
    } catch {
      setFailed(true)
    } finally {
      setLoading(false)
    }
  }
  onMount(() => void load(null))
  p.ref?.({
    prepend: (media) =>
      setItems((before) => [media, ...before.filter((item) => item.id !== media.id)]),
  })

  return (
    <div class="mk-library" role="group" aria-label={pickerText().library}>
      <Show when={items().length || loading() || failed()}>
        <ul class="mk-library__grid">
          <For each={items()}>
            {(media) => (
              <li>
                <button
                  type="button"
                  class="mk-library__item"
                  aria-pressed={p.chosen?.(media) ?? false}
                  aria-label={pickerText().choose(media.alt || pickerText().image)}
                  onClick={() => p.onPick(media)}
                >
                  <img src={thumbUrl(media)} alt="" loading="lazy" />
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!items().length && !loading() && !failed()}>
        <p class="ck-empty">{pickerText().emptyLibrary}</p>
      </Show>
      <div class="mk-library__foot">
        <Show when={failed()}>
          <span class="ck-error" role="alert">
            {kitText().loadFailed}
          </span>
          <button type="button" class="ck-btn" onClick={() => void load(null)}>
            {kitText().retry}
          </button>
        </Show>
        <Show when={loading()}>
          <span class="ck-muted">{kitText().loading}</span>
        </Show>
        <Show when={!loading() && next()}>
          {(cursor) => (
            <button type="button" class="ck-btn" onClick={() => void load(cursor())}>
              {kitText().loadMore}
            </button>
          )}
        </Show>
      </div>
    </div>
  )
}
