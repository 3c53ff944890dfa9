import { createResource, createSignal, For } from 'solid-js'
import { ConfirmButton } from '../kit/ConfirmButton.tsx'
import { Field } from '../kit/Field.tsx'
import { ActionFeedback } from './ActionFeedback.tsx'
import { agencyApi, type ClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { useAction } from './use-action.ts'

/** The mall's plan (changed after a confirmation) and its status (suspend / reactivate). */
export function PlanPanel(p: {
  agencyId: string
  mall: ClientMall
  onChange: (mall: ClientMall) => void
}) {
  const text = agencyText
  const [plans] = createResource(() => agencyApi.plans(p.agencyId))
  const [planId, setPlanId] = createSignal(p.mall.planId)
  const action = useAction()
  const planName = () => plans()?.items.find((plan) => plan.id === planId())?.name ?? planId()
  const update = async (body: { planId?: string; status?: string }, success: string) => {
    const next = await action.run(
      () => agencyApi.update(p.agencyId, p.mall.id, body),
      () => success,
    )
    if (next) p.onChange(next)
  }
  const suspended = () => p.mall.status === 'suspended'
  return (
    <section class="ck-card" aria-labelledby="ak-plan-title">
      <h2 id="ak-plan-title">
        {text().plan} · {text().status}
      </h2>
      <div class="ak-row">
        <Field label={text().changePlan} id="ak-plan-select" error={action.errors().planId}>
          {(aria) => (
            <select {...aria} value={planId()} onChange={(e) => setPlanId(e.currentTarget.value)}>
              <For each={plans()?.items ?? []}>
                {(plan) => (
                  <option value={plan.id} selected={plan.id === planId()}>
                    {plan.name}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <ConfirmButton
          question={text().confirmPlan(planName())}
          disabled={action.busy() || planId() === p.mall.planId}
          onConfirm={() => update({ planId: planId() }, text().planSaved)}
        >
          {text().savePlan}
        </ConfirmButton>
      </div>
      <div class="ak-row">
        <ConfirmButton
          question={suspended() ? text().confirmReactivate : text().confirmSuspend}
          danger={!suspended()}
          disabled={action.busy()}
          onConfirm={() =>
            update({ status: suspended() ? 'active' : 'suspended' }, text().statusSaved)
          }
        >
          {suspended() ? text().reactivate : text().suspend}
        </ConfirmButton>
      </div>
      <ActionFeedback message={action.message()} done={action.done()} />
    </section>
  )
}
