import { Show, type JSX } from 'solid-js'
import IconPlus from '~icons/lucide/plus'

/** How the last action on a screen went. */
export interface Notice {
  text: string
  ok: boolean
}

/**
 * The top of a screen whose list staff edit (top-up packages, the points mall): what it is for,
 * why this staff member cannot change it, and how the last action went.
 */
export function EditorHead(p: {
  intro: string
  noManage: string
  manage: boolean
  notice: Notice | undefined
}) {
  return (
    <>
      <p class="ck-muted">{p.intro}</p>
      <Show when={!p.manage}>
        <p class="ck-notice">{p.noManage}</p>
      </Show>
      <Show when={p.notice}>
        {(n) => (
          <p classList={{ 'ck-notice': n().ok, 'ck-error': !n().ok }} role="status">
            {n().text}
          </p>
        )}
      </Show>
    </>
  )
}

/**
 * The form of the item being edited (`undefined` for a new one), else, for staff who may manage
 * the list, the button that opens a new item's form.
 */
export function ItemEditor<T extends object>(p: {
  editing: T | 'new' | undefined
  manage: boolean
  newLabel: string
  onNew: () => void
  children: (item: T | undefined) => JSX.Element
}) {
  return (
    <Show
      when={p.editing}
      keyed
      fallback={
        <Show when={p.manage}>
          <button type="button" class="ck-btn ck-btn--primary" onClick={() => p.onNew()}>
            <IconPlus aria-hidden="true" /> {p.newLabel}
          </button>
        </Show>
      }
    >
      {(current) => p.children(current === 'new' ? undefined : current)}
    </Show>
  )
}

/** The end of an item's form: the on-offer switch, the form's error, save and cancel. */
export function FormEnd(p: {
  active: boolean
  onActive: (active: boolean) => void
  message: string | undefined
  saving: boolean
  labels: { active: string; save: string; saving: string; cancel: string }
  onCancel: () => void
}) {
  return (
    <>
      <label class="mk-membership-check">
        <input
          type="checkbox"
          checked={p.active}
          onChange={(e) => p.onActive(e.currentTarget.checked)}
        />{' '}
        {p.labels.active}
      </label>
      <Show when={p.message}>
        <p class="ck-error" role="alert">
          {p.message}
        </p>
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={p.saving}>
          {p.saving ? p.labels.saving : p.labels.save}
        </button>
        <button type="button" class="ck-btn" onClick={() => p.onCancel()}>
          {p.labels.cancel}
        </button>
      </div>
    </>
  )
}
