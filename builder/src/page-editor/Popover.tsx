import { createSignal, createUniqueId, Show, type JSX } from 'solid-js'
import './page-editor.css'

/**
 * A toolbar button that opens a small panel under it (a dialog, not modal): Escape or the button
 * closes it and focus returns to the button.
 */
export function Popover(p: {
  label: string
  icon: JSX.Element
  title: string
  children: (close: () => void) => JSX.Element
  /** Runs before the panel opens (e.g. to load what it shows). */
  onOpen?: () => void
}) {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  const close = () => {
    setOpen(false)
    button?.focus()
  }
  return (
    <div
      class="pe-action"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open()) {
          e.stopPropagation()
          close()
        }
      }}
    >
      <button
        type="button"
        class="ck-icon-btn"
        ref={(el) => (button = el)}
        aria-label={p.label}
        title={p.label}
        aria-expanded={open()}
        aria-controls={id}
        onClick={() => {
          if (!open()) p.onOpen?.()
          setOpen(!open())
        }}
      >
        {p.icon}
      </button>
      <Show when={open()}>
        <div class="pe-popover" id={id} role="dialog" aria-label={p.title}>
          <h3 class="ck-panel-title">{p.title}</h3>
          {p.children(close)}
        </div>
      </Show>
    </div>
  )
}
