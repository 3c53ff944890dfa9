import { createSignal } from 'solid-js'
import IconUpload from '~icons/lucide/upload'
import { problemMessages } from '../problems.ts'
import { uploadMedia, type Media } from './media-api.ts'
import { pickerText } from './image-picker-strings.ts'

/**
 * A button that uploads the chosen image files to the mall's media library, one by one, and hands
 * each stored image to `onUploaded`; a refused file is reported through `onError` (the API's
 * message for the file, e.g. "not an image in an accepted format").
 */
export function UploadButton(p: {
  slug: string
  multiple?: boolean
  disabled?: boolean
  onUploaded: (media: Media) => void
  onError: (message: string | undefined) => void
}) {
  const [busy, setBusy] = createSignal(false)
  const upload = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])]
    input.value = ''
    if (!files.length) return
    setBusy(true)
    p.onError(undefined)
    try {
      for (const file of files) p.onUploaded(await uploadMedia(p.slug, file))
    } catch (error) {
      const problem = problemMessages(error)
      p.onError(
        problem.fields.file ? `${problem.message}: ${problem.fields.file}` : problem.message,
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <label class="ck-btn mk-picker__upload" aria-disabled={busy() || p.disabled}>
      <IconUpload aria-hidden="true" />
      <span>{busy() ? pickerText().uploading : pickerText().upload}</span>
      <input
        type="file"
        class="ck-sr"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        multiple={p.multiple}
        disabled={busy() || p.disabled}
        onChange={(e) => void upload(e.currentTarget)}
      />
    </label>
  )
}
