import { createSignal, createUniqueId, Show } from 'solid-js'
import IconImages from '~icons/lucide/images'
import IconX from '~icons/lucide/x'
import { mallPathOf, previewUrl, type Media } from './media-api.ts'
import { MediaLibrary } from './MediaLibrary.tsx'
import { pickerText } from './image-picker-strings.ts'
import { UploadButton } from './UploadButton.tsx'
import './pickers.css'

/**
 * One image of a page or block: shows the current one, uploads a new one to the mall's media
 * library, picks one from the library (paginated), or clears it. `value` is a mall path
 * (`/media/…`, what blocks store so it works on every host of the mall) or an http(s) URL.
 */
export function ImagePicker(p: {
  slug: string
  value: string | undefined
  onChange: (url: string | undefined) => void
  label: string
  id?: string
}) {
  const fallbackId = createUniqueId()
  const id = () => p.id ?? `image-${fallbackId}`
  const [open, setOpen] = createSignal(false)
  const [error, setError] = createSignal<string>()
  let library: { prepend(media: Media): void } | undefined

  const choose = (media: Media) => {
    p.onChange(mallPathOf(p.slug, media))
    setOpen(false)
  }

  return (
    <fieldset class="mk-picker" id={id()} aria-describedby={`${id()}-error`}>
      <legend class="ck-field__label">{p.label}</legend>
      <div class="mk-picker__current">
        <Show when={p.value} fallback={<p class="ck-muted mk-picker__none">{pickerText().none}</p>}>
          {(value) => (
            <img class="mk-picker__preview" src={previewUrl(p.slug, value())} alt={p.label} />
          )}
        </Show>
      </div>
      <div class="mk-picker__actions">
        <UploadButton
          slug={p.slug}
          onError={setError}
          onUploaded={(media) => {
            library?.prepend(media)
            p.onChange(mallPathOf(p.slug, media))
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
        <Show when={p.value}>
          <button type="button" class="ck-btn ck-btn--ghost" onClick={() => p.onChange(undefined)}>
            <IconX aria-hidden="true" />
            <span>{pickerText().clear}</span>
          </button>
        </Show>
      </div>
      <Show when={error()}>
        <span class="ck-error" id={`${id()}-error`} role="alert">
          {error()}
        </span>
      </Show>
      <Show when={open()}>
        <div id={`${id()}-library`}>
          <MediaLibrary
            slug={p.slug}
            onPick={choose}
            chosen={(media) => p.value === mallPathOf(p.slug, media)}
            ref={(controls) => (library = controls)}
          />
        </div>
      </Show>
    </fieldset>
  )
}
