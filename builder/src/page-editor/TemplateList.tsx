import { For, Show } from 'solid-js'
import { api, mallApi } from '../app/api.ts'
import { locale } from '../app/i18n.ts'
import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { editorText } from './editor-strings.ts'
import type { PageTemplate } from './NewPageForm.tsx'

/** The mall's saved page templates, each deletable after a confirmation. */
export function TemplateList(p: {
  slug: string
  templates: readonly PageTemplate[]
  onChanged: () => void
}) {
  const remove = async (template: PageTemplate) => {
    await api(mallApi(p.slug, `/page-templates/${encodeURIComponent(template.id)}`), {
      method: 'DELETE',
    })
    p.onChanged()
  }
  return (
    <section class="pe-templates" aria-labelledby="page-templates-title">
      <h2 id="page-templates-title" class="ck-panel-title">
        {editorText().templates}
      </h2>
      <Show
        when={p.templates.length > 0}
        fallback={<p class="ck-muted">{editorText().noTemplates}</p>}
      >
        <ul class="ck-list">
          <For each={p.templates}>
            {(template) => (
              <li class="ck-list__row" data-template-id={template.id}>
                <span class="ck-list__title">{template.name}</span>
                <span class="ck-muted">
                  {new Date(template.createdAt).toLocaleDateString(locale())}
                </span>
                <ConfirmButton
                  question={editorText().confirmDeleteTemplate(template.name)}
                  confirmLabel={editorText().deleteTemplate}
                  danger
                  class="ck-btn ck-btn--ghost"
                  onConfirm={() => remove(template)}
                >
                  {editorText().deleteTemplate}
                </ConfirmButton>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
