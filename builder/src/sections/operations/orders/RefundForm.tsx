import { createSignal, Show } from 'solid-js'
import { ConfirmButton } from '../../../kit/ConfirmButton.tsx'
import { Field } from '../../../kit/Field.tsx'
import { formatMoney, moneyInput, parseMoney } from '../../../kit/money.ts'
import { problemMessages } from '../../../kit/problems.ts'
import { orderApi, type OrderDetail, type RefundView } from './order-api.ts'
import { orderText } from './order-strings.ts'

/**
 * Refunds part or all of what is left of the payment (amount typed in yuan, sent in minor units),
 * after confirming the amount. One idempotency key per confirmed refund, so a retried request
 * never refunds twice.
 */
export function RefundForm(p: {
  slug: string
  order: OrderDetail
  /** What can still be refunded, in minor units. */
  max: number
  onRefunded: (refund: RefundView) => void
}) {
  const text = orderText
  const money = (minor: number) => formatMoney(minor, p.order.currency)
  const [typed, setTyped] = createSignal(moneyInput(p.max))
  const [reason, setReason] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal('')
  const [busy, setBusy] = createSignal(false)

  const amount = () => parseMoney(typed())
  const amountError = () => {
    const minor = amount()
    if (minor === null) return text().badAmount
    if (minor <= 0) return text().zero
    if (minor > p.max) return text().tooMuch(money(p.max))
    return undefined
  }

  const refund = async () => {
    const minor = amount()
    if (amountError() || minor === null) return
    setBusy(true)
    setMessage('')
    try {
      const made = await orderApi.refund(
        p.slug,
        p.order.id,
        { amount: minor, reason: reason().trim() },
        crypto.randomUUID(),
      )
      p.onRefunded(made)
    } catch (failure) {
      const problem = problemMessages(failure)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="ck-card ops-card ops-form" aria-label={text().refundTitle}>
      <h2>{text().refundTitle}</h2>
      <Field
        label={text().refundAmount}
        id="refund-amount"
        help={text().refundHelp(money(p.max))}
        error={amountError() ?? errors()['amount']}
      >
        {(aria) => (
          <input
            {...aria}
            inputMode="decimal"
            value={typed()}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={text().refundReason} id="refund-reason" error={errors()['reason']}>
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
        <button
          type="button"
          class="ck-btn ck-btn--ghost"
          onClick={() => setTyped(moneyInput(p.max))}
        >
          {text().fullRefund}
        </button>
        <ConfirmButton
          danger
          disabled={busy() || Boolean(amountError())}
          question={text().confirmRefund(money(amount() ?? 0))}
          confirmLabel={text().refund}
          onConfirm={refund}
        >
          {busy() ? text().refunding : text().refund}
        </ConfirmButton>
      </div>
    </section>
  )
}
