import { createSignal, createUniqueId, Show } from 'solid-js'
import IconLayoutTemplate from '~icons/lucide/layout-template'
import { api, mallApi } from '../app/api.ts'
import { problemMessages } from '../kit/problems.ts'
import { editorText } from './editor-strings.ts'
import { Popover } from './Popover.tsx'

/** Saves the page's draft (saved first) as a named template that new pages can start from. */
export function SaveTemplate(p: { slug: string; pageId: string; beforeUse: () => Promise<void> }) {
  const id = createUniqueId()
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const [saved, setSaved] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const save = async () => {
    setError(null)
    setSaved(null)
    setBusy(true)
    try {
      await p.beforeUse()
      const made = await api<{ name: string }>(
        mallApi(p.slug, `/pages/${encodeURIComponent(p.pageId)}/template`),
        { method: 'POST', body: { name: name().trim() } },
      )
      setSaved(made.name)
      setName('')
    } catch (e) {
      const problems = problemMessages(e)
      setError(problems.fields.name ?? problems.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Popover
      label={editorText().saveTemplate}
      title={editorText().saveTemplate}
      icon={<IconLayoutTemplate aria-hidden="true" />}
    >
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <div class="ck-field">
            <label class="ck-field__label" for={id}>
              {editorText().templateName}
            </label>
            <input
              id={id}
              type="text"
              required
              maxLength={100}
              value={name()}
              aria-invalid={Boolean(error())}
              aria-describedby={`${id}-error`}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <Show when={error()}>
              <span class="ck-error" id={`${id}-error`} role="alert">
                {error() === 'taken' ? editorText().templateTaken : error()}
              </span>
            </Show>
          </div>
          <Show when={saved()}>
            {(n) => <p class="ck-notice">{editorText().templateSaved(n())}</p>}
          </Show>
          <div class="ck-form-actions">
            <button
              type="submit"
              class="ck-btn ck-btn--primary"
              disabled={busy() || !name().trim()}
            >
              {editorText().saveTemplate}
            </button>
          </div>
        </form>
      )}
    </Popover>
  )
}
