import { createSignal, For, Show } from 'solid-js'
import type { PluginState } from '../../../core/src/plugins/installs.ts'
import { api, mallApi } from '../app/api.ts'
import { messages } from '../app/i18n.ts'
import { problemMessages } from '../kit/problems.ts'
import { FieldEditor } from '../page-editor/FieldEditor.tsx'
import { fieldsFor, type JsonSchema } from '../page-editor/inspector-fields.ts'

const text = messages({
  en: {
    title: (name: string) => `Settings of ${name}`,
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved.',
    reset: 'Undo changes',
    none: 'This plugin has no settings.',
    fix: 'Check the highlighted settings.',
  },
  'zh-CN': {
    title: (name: string) => `${name}设置`,
    save: '保存设置',
    saving: '保存中…',
    saved: '设置已保存。',
    reset: '撤销修改',
    none: '这个插件没有可设置的项。',
    fix: '请检查标出的设置项。',
  },
})

/**
 * A plugin's settings as a form generated from their JSON Schema (the same field editors as the
 * page inspector), saved with the plugin's on/off state unchanged; the server validates them and
 * each refusal shows under its field.
 */
export function PluginSettings(p: {
  slug: string
  plugin: PluginState
  name: string
  onSaved: (next: PluginState) => void
}) {
  const fields = fieldsFor(p.plugin.settingsSchema as JsonSchema)
  const [values, setValues] = createSignal<Record<string, unknown>>(
    structuredClone(p.plugin.settings),
  )
  const [busy, setBusy] = createSignal(false)
  const [status, setStatus] = createSignal<string>()
  const [errors, setErrors] = createSignal<Record<string, string>>({})

  const errorOf = (key: string) =>
    Object.entries(errors())
      .filter(([field]) => field === key || field.startsWith(`${key}.`))
      .map(([, message]) => message)
      .join(' ')

  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setStatus(undefined)
    setErrors({})
    try {
      const next = await api<PluginState>(
        mallApi(p.slug, `/plugins/${encodeURIComponent(p.plugin.id)}`),
        { method: 'PUT', body: { enabled: p.plugin.enabled, settings: values() } },
      )
      p.onSaved(next)
      setValues(structuredClone(next.settings))
      setStatus(text().saved)
    } catch (failure) {
      const { fields: byField, message } = problemMessages(failure)
      const settingsErrors = Object.fromEntries(
        Object.entries(byField).map(([field, msg]) => [field.replace(/^settings\./, ''), msg]),
      )
      setErrors(settingsErrors)
      setStatus(Object.keys(settingsErrors).length > 0 ? text().fix : message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="ck-plugin__settings" aria-label={text().title(p.name)} onSubmit={save} novalidate>
      <Show when={fields.length > 0} fallback={<p class="ck-muted">{text().none}</p>}>
        <For each={fields}>
          {(field) => (
            <div>
              <FieldEditor
                field={field}
                slug={p.slug}
                id={`settings-${p.plugin.id}-${field.key}`}
                value={values()[field.key]}
                set={(value) => void setValues({ ...values(), [field.key]: value })}
              />
              <Show when={errorOf(field.key)}>
                {(message) => (
                  <p class="ck-error" role="alert">
                    {message()}
                  </p>
                )}
              </Show>
            </div>
          )}
        </For>
        <div class="ck-form-actions">
          <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
            {busy() ? text().saving : text().save}
          </button>
          <button
            type="button"
            class="ck-btn"
            disabled={busy()}
            onClick={() => {
              setValues(structuredClone(p.plugin.settings))
              setErrors({})
              setStatus(undefined)
            }}
          >
            {text().reset}
          </button>
          <Show when={status()}>
            <span role="status">{status()}</span>
          </Show>
        </div>
      </Show>
    </form>
  )
}
