import { createSignal, createUniqueId, For, Show } from 'solid-js'
import { api, mallApi } from '../app/api.ts'
import { Field } from '../kit/Field.tsx'
import { problemMessages } from '../kit/problems.ts'
import { editorText } from './editor-strings.ts'
import { pathProblem, suggestPath } from './page-path.ts'
import './page-editor.css'

/** A saved page template as `GET /page-templates` lists it. */
export interface PageTemplate {
  id: string
  name: string
  title: Record<string, string>
  blockCount: number
  createdAt: string
}

/**
 * Creates a custom page: its titles, its path (checked in place: well formed, not one of the
 * storefront's own, not taken) and what it starts from (blank or a saved template).
 */
export function NewPageForm(p: {
  slug: string
  takenPaths: readonly string[]
  templates: readonly PageTemplate[]
  onCreated: (pageId: string) => void
}) {
  const id = createUniqueId()
  const [en, setEn] = createSignal('')
  const [zh, setZh] = createSignal('')
  const [path, setPath] = createSignal('')
  const [pathTouched, setPathTouched] = createSignal(false)
  const [template, setTemplate] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)

  const problemText = (problem: ReturnType<typeof pathProblem>) =>
    problem === 'bad'
      ? editorText().badPath
      : problem === 'own'
        ? editorText().ownPath
        : problem === 'taken'
          ? editorText().pathTaken
          : undefined

  const submit = async (event: Event) => {
    event.preventDefault()
    setMessage(null)
    const problem = problemText(pathProblem(path(), p.takenPaths))
    if (problem) return setErrors({ path: problem })
    setErrors({})
    setBusy(true)
    try {
      const title: Record<string, string> = {}
      if (en().trim()) title.en = en().trim()
      if (zh().trim()) title['zh-CN'] = zh().trim()
      const made = await api<{ id: string }>(mallApi(p.slug, '/pages'), {
        method: 'POST',
        body: { path: path(), title, ...(template() ? { templateId: template() } : {}) },
      })
      p.onCreated(made.id)
    } catch (error) {
      const problems = problemMessages(error)
      if (problems.fields.path === 'taken') problems.fields.path = editorText().pathTaken
      setErrors(problems.fields)
      if (Object.keys(problems.fields).length === 0) setMessage(problems.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="ck-card pe-new-page" aria-labelledby={`${id}-title`} onSubmit={submit} novalidate>
      <h2 id={`${id}-title`} class="ck-panel-title" style={{ 'grid-column': '1 / -1' }}>
        {editorText().newPage}
      </h2>
      <Field label={editorText().pageTitleEn} id={`${id}-en`} error={errors()['title.en']}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            maxLength={100}
            value={en()}
            onInput={(e) => {
              setEn(e.currentTarget.value)
              if (!pathTouched()) setPath(suggestPath(e.currentTarget.value))
            }}
          />
        )}
      </Field>
      <Field label={editorText().pageTitleZh} id={`${id}-zh`} error={errors()['title.zh-CN']}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            maxLength={100}
            value={zh()}
            onInput={(e) => setZh(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        label={editorText().pagePath}
        id={`${id}-path`}
        help={editorText().pagePathHelp}
        error={errors().path}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            required
            placeholder="/summer-sale"
            value={path()}
            onInput={(e) => {
              setPathTouched(true)
              setPath(e.currentTarget.value.trim())
              setErrors(({ path: _gone, ...rest }) => rest)
            }}
          />
        )}
      </Field>
      <Field label={editorText().pageStart} id={`${id}-start`} error={errors().templateId}>
        {(aria) => (
          <select {...aria} value={template()} onChange={(e) => setTemplate(e.currentTarget.value)}>
            <option value="">{editorText().blankPage}</option>
            <For each={p.templates}>
              {(t) => <option value={t.id}>{editorText().fromTemplate(t.name)}</option>}
            </For>
          </select>
        )}
      </Field>
      <Show when={message()}>
        <p class="ck-error" role="alert" style={{ 'grid-column': '1 / -1' }}>
          {message()}
        </p>
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy() || !path()}>
          {busy() ? editorText().creating : editorText().create}
        </button>
      </div>
    </form>
  )
}
