import { onCleanup, Show } from 'solid-js'
import { clearNotice, notice } from './notice.ts'

/** The last success message of the agency screens, in a live region. */
export function Notice() {
  onCleanup(clearNotice)
  return (
    <div role="status" aria-live="polite">
      <Show when={notice()}>{(text) => <p class="ck-notice">{text()}</p>}</Show>
    </div>
  )
}
