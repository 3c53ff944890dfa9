import { createSignal, For, Show } from 'solid-js'
import IconGlobe from '~icons/lucide/globe'
import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { Field } from '../kit/Field.tsx'
import { ActionFeedback } from './ActionFeedback.tsx'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { useAction } from './use-action.ts'

/** The mall's custom domains: map one, unmap one (confirmed). */
export function DomainPanel(p: {
  agencyId: string
  mall: ClientMall
  onChange: (mall: ClientMall) => void
}) {
  const text = agencyText
  const [host, setHost] = createSignal('')
  const action = useAction()
  const add = async (event: SubmitEvent) => {
    event.preventDefault()
    const typed = host().trim().toLowerCase()
    if (!typed) return action.setErrors({ host: text().required })
    const next = await action.run(
      () => agencyApi.addDomain(p.agencyId, p.mall.id, typed),
      () => text().domainAdded(typed),
    )
    if (next) {
      setHost('')
      p.onChange(next)
    }
  }
  const remove = async (domain: string) => {
    const next = await action.run(
      () => agencyApi.removeDomain(p.agencyId, p.mall.id, domain),
      () => '',
    )
    if (next) p.onChange(next)
  }
  return (
    <section class="ck-card" aria-labelledby="ak-domains-title">
      <h2 id="ak-domains-title">{text().domains}</h2>
      <Show when={p.mall.domains.length} fallback={<p class="ck-muted">{text().noDomains}</p>}>
        <ul class="ak-domains">
          <For each={p.mall.domains}>
            {(domain) => (
              <li>
                <IconGlobe aria-hidden="true" /> <span>{domain}</span>
                <ConfirmButton
                  question={text().confirmUnmap(domain)}
                  danger
                  disabled={action.busy()}
                  onConfirm={() => remove(domain)}
                >
                  {text().unmap}
                </ConfirmButton>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="ak-row" onSubmit={add} noValidate>
        <Field
          label={text().domain}
          id="ak-domain"
          help={text().domainHelp}
          error={action.errors().host}
        >
          {(aria) => (
            <input
              {...aria}
              value={host()}
              placeholder="shop.example.com"
              autocapitalize="off"
              spellcheck={false}
              onInput={(e) => setHost(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="ck-btn" disabled={action.busy()}>
          {text().addDomain}
        </button>
      </form>
      <ActionFeedback message={action.message()} done={action.done()} />
    </section>
  )
}
