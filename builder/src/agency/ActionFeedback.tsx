import { Show } from 'solid-js'

/** What a panel's last action said: the refusal (alert) or the success (status). */
export function ActionFeedback(p: { message: string; done: string }) {
  return (
    <>
      <Show when={p.message}>
        <p class="ck-error" role="alert">
          {p.message}
        </p>
      </Show>
      <Show when={p.done}>
        <p class="ck-notice" role="status">
          {p.done}
        </p>
      </Show>
    </>
  )
}
