import { createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../kit/ConfirmButton.tsx'
import { Field } from '../../../kit/Field.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { orderApi, type OrderDetail } from './order-api.ts'
import { orderText } from './order-strings.ts'

/** Cancels an unpaid order with a reason the buyer sees, after confirming. */
export function CancelForm(p: {
  slug: string
  order: OrderDetail
  onCancelled: (o: OrderDetail) => void
}) {
  const text = orderText
  const [reason, setReason] = createSignal('')
  const [error, setError] = createSignal<string>()
  const [message, setMessage] = createSignal('')
  const [busy, setBusy] = createSignal(false)

  const cancel = async () => {
    if (!reason().trim()) return setError(text().needReason)
    setError(undefined)
    setBusy(true)
    try {
      p.onCancelled(await orderApi.cancel(p.slug, p.order.id, reason().trim()))
    } catch (failure) {
      const problem = problemMessages(failure)
      setError(problem.fields['reason'])
      setMessage(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="ck-card ops-card ops-form" aria-label={text().cancel}>
      <h2>{text().cancel}</h2>
      <Field
        label={text().cancelReason}
        id="cancel-reason"
        help={text().cancelReasonHelp}
        error={error()}
      >
        {(aria) => (
          <input
            {...aria}
            value={reason()}
            maxLength={200}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </Field>
      <Show when={message()}>
        <p class="ck-error" role="alert">
          {message()}
        </p>
      </Show>
      <div class="ck-form-actions">
        <ConfirmButton
          danger
          disabled={busy()}
          question={text().confirmCancel}
          confirmLabel={text().cancel}
          onConfirm={cancel}
        >
          {text().cancel}
        </ConfirmButton>
      </div>
    </section>
  )
}
