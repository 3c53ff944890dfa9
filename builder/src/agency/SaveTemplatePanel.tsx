import { createSignal } from 'solid-js'
import { Field } from '../kit/Field.tsx'
import { ActionFeedback } from './ActionFeedback.tsx'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { useAction } from './use-action.ts'

/** Saves the mall's published pages, theme and plugins as a template for new client malls. */
export function SaveTemplatePanel(p: { agencyId: string; mall: ClientMall }) {
  const text = agencyText
  const [name, setName] = createSignal('')
  const action = useAction()
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    const typed = name().trim() || p.mall.name
    const saved = await action.run(
      () => agencyApi.saveTemplate(p.agencyId, { tenantId: p.mall.id, name: typed }),
      (template) => text().templateSaved(template.name),
    )
    if (saved) setName('')
  }
  return (
    <section class="ck-card" aria-labelledby="ak-template-title">
      <h2 id="ak-template-title">{text().saveAsTemplate}</h2>
      <p class="ck-help">{text().templateHelp}</p>
      <form class="ak-row" onSubmit={save} noValidate>
        <Field label={text().templateName} id="ak-template-name" error={action.errors().name}>
          {(aria) => (
            <input
              {...aria}
              value={name()}
              placeholder={p.mall.name}
              maxLength={100}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="ck-btn" disabled={action.busy()}>
          {action.busy() ? text().saving : text().saveTemplate}
        </button>
      </form>
      <ActionFeedback message={action.message()} done={action.done()} />
    </section>
  )
}
