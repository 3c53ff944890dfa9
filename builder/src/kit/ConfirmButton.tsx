import { createSignal, Show, type JSX } from 'solid-js'
import { kitText } from './strings.ts'

/**
 * A button for a destructive or weighty action that asks first: pressing it shows `question`
 * with a confirm and a cancel button; only confirming runs `onConfirm`.
 */
export function ConfirmButton(p: {
  question: string
  onConfirm: () => unknown
  /** The confirming button's text (default "Confirm"). */
  confirmLabel?: string
  danger?: boolean
  disabled?: boolean
  class?: string
  children: JSX.Element
}) {
  const [asking, setAsking] = createSignal(false)
  return (
    <>
      <button
        type="button"
        class={p.class ?? (p.danger ? 'ck-btn ck-btn--danger' : 'ck-btn')}
        disabled={p.disabled}
        aria-expanded={asking()}
        onClick={() => setAsking(true)}
      >
        {p.children}
      </button>
      <Show when={asking()}>
        <div class="ck-confirm" role="alertdialog" aria-label={p.question}>
          <span>{p.question}</span>
          <button
            type="button"
            class={p.danger ? 'ck-btn ck-btn--danger' : 'ck-btn ck-btn--primary'}
            onClick={() => {
              setAsking(false)
              void p.onConfirm()
            }}
          >
            {p.confirmLabel ?? kitText().confirm}
          </button>
          <button type="button" class="ck-btn" onClick={() => setAsking(false)}>
            {kitText().cancel}
          </button>
        </div>
      </Show>
    </>
  )
}
