import { createSignal, createUniqueId, For, Show } from 'solid-js'
import IconArrowLeft from '~icons/lucide/arrow-left'
import IconArrowRight from '~icons/lucide/arrow-right'
import IconImages from '~icons/lucide/images'
import IconX from '~icons/lucide/x'
import { thumbUrl, type Media } from './media-api.ts'
import { MediaLibrary } from './MediaLibrary.tsx'
import { pickerText } from './image-picker-strings.ts'
import { UploadButton } from './UploadButton.tsx'
import './pickers.css'

/**
 * An ordered list of images (a product's gallery; the first is the cover): upload several, pick
 * from the mall's media library (choosing a used one again removes it), reorder and remove.
 */
export function MultiImagePicker(p: {
  slug: string
  value: readonly Media[]
  onChange: (images: Media[]) => void
  label: string
  id?: string
  /** The most images allowed (the product API takes 20). */
  max?: number
  error?: string | undefined
}) {
  const fallbackId = createUniqueId()
  const id = () => p.id ?? `images-${fallbackId}`
  const max = () => p.max ?? 20
  const [open, setOpen] = createSignal(false)
  const [error, setError] = createSignal<string>()
  let library: { prepend(media: Media): void } | undefined

  const add = (media: Media) => {
    if (p.value.some((item) => item.id === media.id)) return
    if (p.value.length >= max()) return setError(pickerText().full(max()))
    p.onChange([...p.value, media])
  }
  const remove = (index: number) => p.onChange(p.value.filter((_, i) => i !== index))
  const move = (index: number, by: -1 | 1) => {
    const images = [...p.value]
    const [moved] = images.splice(index, 1)
    if (moved) images.splice(index + by, 0, moved)
    p.onChange(images)
  }
  const toggle = (media: Media) => {
    const index = p.value.findIndex((item) => item.id === media.id)
    if (index >= 0) remove(index)
    else add(media)
  }

  return (
    <fieldset class="mk-picker" id={id()} aria-describedby={`${id()}-error`}>
      <legend class="ck-field__label">{p.label}</legend>
      <Show
        when={p.value.length}
        fallback={<p class="ck-muted mk-picker__none">{pickerText().noneMany}</p>}
      >
        <ol class="mk-picker__strip">
          <For each={p.value}>
            {(media, index) => (
              <li class="mk-picker__tile">
                <img src={thumbUrl(media)} alt={pickerText().imageN(index() + 1)} />
                <Show when={index() === 0}>
                  <span class="ck-badge mk-picker__cover">{pickerText().cover}</span>
                </Show>
                <div class="mk-picker__tile-actions">
                  <button
                    type="button"
                    class="ck-icon-btn"
                    aria-label={pickerText().moveLeft}
                    disabled={index() === 0}
                    onClick={() => move(index(), -1)}
                  >
                    <IconArrowLeft aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    class="ck-icon-btn"
                    aria-label={pickerText().moveRight}
                    disabled={index() === p.value.length - 1}
                    onClick={() => move(index(), 1)}
                  >
                    <IconArrowRight aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    class="ck-icon-btn"
                    aria-label={pickerText().removeImage(index() + 1)}
                    onClick={() => remove(index())}
                  >
                    <IconX aria-hidden="true" />
                  </button>
                </div>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <div class="mk-picker__actions">
        <UploadButton
          slug={p.slug}
          multiple
          disabled={p.value.length >= max()}
          onError={setError}
          onUploaded={(media) => {
            library?.prepend(media)
            add(media)
          }}
        />
        <button
          type="button"
          class="ck-btn"
          aria-expanded={open()}
          aria-controls={`${id()}-library`}
          onClick={() => setOpen(!open())}
        >
          <IconImages aria-hidden="true" />
          <span>{open() ? pickerText().closeLibrary : pickerText().library}</span>
        </button>
      </div>
      <Show when={p.error ?? error()}>
        <span class="ck-error" id={`${id()}-error`} role="alert">
          {p.error ?? error()}
        </span>
      </Show>
      <Show when={open()}>
        <div id={`${id()}-library`}>
          <MediaLibrary
            slug={p.slug}
            onPick={toggle}
            chosen={(media) => p.value.some((item) => item.id === media.id)}
            ref={(controls) => (library = controls)}
          />
        </div>
      </Show>
    </fieldset>
  )
}
