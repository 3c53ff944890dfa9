import { Show, untrack, type JSX } from 'solid-js'

/**
 * A labelled form field with its help and its error in place (`aria-invalid` and
 * `aria-describedby` tie them to the input, which `children` receives the ids for).
 */
export function Field(p: {
  label: string
  /** The input's id: the label points at it. */
  id: string
  help?: string | undefined
  error?: string | undefined
  children: (aria: {
    id: string
    'aria-invalid': boolean
    'aria-describedby': string
  }) => JSX.Element
}) {
  return (
    <div class="ck-field">
      <label class="ck-field__label" for={p.id}>
        {p.label}
      </label>
      {
        // Built once: the input must survive its error appearing (a getter keeps it reactive).
        untrack(() =>
          p.children({
            id: p.id,
            get 'aria-invalid'() {
              return Boolean(p.error)
            },
            'aria-describedby': `${p.id}-help ${p.id}-error`,
          }),
        )
      }
      <Show when={p.help}>
        <span class="ck-help" id={`${p.id}-help`}>
          {p.help}
        </span>
      </Show>
      <Show when={p.error}>
        <span class="ck-error" id={`${p.id}-error`} role="alert">
          {p.error}
        </span>
      </Show>
    </div>
  )
}
