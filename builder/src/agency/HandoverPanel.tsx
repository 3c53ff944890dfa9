import { createSignal, For, Match, Show, Switch } from 'solid-js'
import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { ActionFeedback } from './ActionFeedback.tsx'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { OwnerFields, type OwnerInput } from './OwnerFields.tsx'
import { useAction } from './use-action.ts'

/** The mall's owners, handing it over to a new owner, and the agency's collaborator grant. */
export function HandoverPanel(p: {
  agencyId: string
  mall: ClientMall
  onChange: (mall: ClientMall) => void
}) {
  const text = agencyText
  const [owner, setOwner] = createSignal<OwnerInput>({ email: '', name: '', password: '' })
  const action = useAction()
  const active = () => p.mall.grant === 'active'

  const handOver = async () => {
    const input = owner()
    const missing: Record<string, string> = {}
    if (!input.email.trim()) missing.email = text().required
    if (!input.name.trim()) missing.name = text().required
    if (Object.keys(missing).length) return action.setErrors(missing)
    const next = await action.run(
      () =>
        agencyApi.handOver(p.agencyId, p.mall.id, {
          email: input.email.trim(),
          name: input.name.trim(),
          ...(input.password ? { password: input.password } : {}),
        }),
      () => text().handedOver(input.email.trim()),
    )
    if (next) {
      setOwner({ email: '', name: '', password: '' })
      p.onChange(next)
    }
  }
  const giveUp = async () => {
    const next = await action.run(
      () => agencyApi.giveUpGrant(p.agencyId, p.mall.id),
      () => '',
    )
    if (next) p.onChange(next)
  }

  return (
    <section class="ck-card" aria-labelledby="ak-handover-title">
      <h2 id="ak-handover-title">
        {text().owners} · {text().grant}
      </h2>
      <ul class="ak-owners">
        <For each={p.mall.owners}>
          {(o) => (
            <li>
              {o.name} <span class="ck-muted">{o.email}</span>
            </li>
          )}
        </For>
      </ul>
      <Switch>
        <Match when={active()}>
          <Show
            when={!p.mall.handedOver}
            fallback={<p class="ck-muted">{text().handedOverNote}</p>}
          >
            <p class="ck-help">{text().handoverHelp}</p>
            <OwnerFields
              value={owner()}
              onChange={setOwner}
              errors={action.errors()}
              prefix=""
              idPrefix="ak-handover"
            />
            <div class="ck-form-actions">
              <ConfirmButton
                question={text().confirmHandover(owner().email || '…')}
                disabled={action.busy()}
                onConfirm={handOver}
              >
                {text().handover}
              </ConfirmButton>
            </div>
          </Show>
          <p>{text().grantActive}</p>
          <ConfirmButton
            question={text().confirmRevoke}
            danger
            disabled={action.busy()}
            onConfirm={giveUp}
          >
            {text().revokeGrant}
          </ConfirmButton>
        </Match>
        <Match when={p.mall.grant === 'revoked'}>
          <p class="ck-muted">{text().grantRevoked}</p>
        </Match>
        <Match when={true}>
          <p class="ck-muted">{text().grantNone}</p>
        </Match>
      </Switch>
      <ActionFeedback message={action.message()} done={action.done()} />
    </section>
  )
}
