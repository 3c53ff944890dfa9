import { createResource, For, Show } from 'solid-js'
import { Field } from '../kit/Field.tsx'
import { agencyApi } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'

/** Chooses one of the agency's templates (or none), showing what the chosen one copies. */
export function TemplatePicker(p: {
  agencyId: string
  value: string
  onChange: (templateId: string) => void
  error?: string | undefined
}) {
  const text = agencyText
  const [templates] = createResource(() =>
    agencyApi.templates(p.agencyId, new URLSearchParams({ limit: '100' })),
  )
  const chosen = () => templates()?.items.find((t) => t.id === p.value)
  return (
    <Field label={text().template} id="ak-template" help={text().templateHelp} error={p.error}>
      {(aria) => (
        <div class="ak-template">
          <select {...aria} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
            <option value="">{text().noTemplate}</option>
            <For each={templates()?.items ?? []}>
              {(template) => (
                <option value={template.id} selected={template.id === p.value}>
                  {template.name}
                </option>
              )}
            </For>
          </select>
          <Show when={chosen()}>
            {(template) => (
              <p class="ak-template__summary">
                <span
                  class="ak-swatch"
                  aria-hidden="true"
                  style={{ background: template().theme.primary ?? 'var(--ck-accent)' }}
                />
                {text().templateSummary(template().pages.length, template().plugins.join(', '))}
              </p>
            )}
          </Show>
        </div>
      )}
    </Field>
  )
}
