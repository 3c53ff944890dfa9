import { createSignal, Show } from 'solid-js'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { formatMoney } from '../../../../../builder/src/kit/money.ts'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { adjustMember, newKey, type Adjustment, type MemberView } from '../client.ts'
import { text } from '../strings.ts'
import { checkAdjustment } from './adjust-input.ts'

type Ledger = Adjustment['ledger']

/**
 * A staff adjustment of one ledger: add or deduct an amount, with a reason. Checked in place,
 * then confirmed; one Idempotency-Key per confirmed adjustment, so a double click adjusts once.
 */
export function AdjustForm(p: {
  slug: string
  customerId: string
  currency: string
  onAdjusted: (member: MemberView) => void
}) {
  const t = () => text()
  const [ledger, setLedger] = createSignal<Ledger>('points')
  const [direction, setDirection] = createSignal<'add' | 'deduct'>('add')
  const [amount, setAmount] = createSignal('')
  const [reason, setReason] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<{ text: string; ok?: boolean }>()
  const [pending, setPending] = createSignal<{ body: Adjustment; key: string; what: string }>()
  const [saving, setSaving] = createSignal(false)

  const describe = (body: Adjustment) => {
    const size = Math.abs(body.delta)
    const shown = body.ledger === 'balance' ? formatMoney(size, p.currency) : String(size)
    return `${body.delta > 0 ? t().add : t().deduct} ${shown} ${t().ledgerNames[body.ledger]}`
  }
  const check = (event: SubmitEvent) => {
    event.preventDefault()
    setMessage(undefined)
    const draft = { ledger: ledger(), direction: direction(), amount: amount(), reason: reason() }
    const checked = checkAdjustment(draft, t())
    setErrors(checked.errors ?? {})
    if (checked.body)
      setPending({ body: checked.body, key: newKey(), what: describe(checked.body) })
  }
  const apply = async () => {
    const chosen = pending()
    if (!chosen || saving()) return
    setSaving(true)
    try {
      const member = await adjustMember(p.slug, p.customerId, chosen.body, chosen.key)
      setPending(undefined)
      setAmount('')
      setReason('')
      setMessage({ text: t().adjusted, ok: true })
      p.onAdjusted(member)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setPending(undefined)
      setMessage({ text: problem.message })
    } finally {
      setSaving(false)
    }
  }
  const changed = (fn: () => void) => {
    fn()
    setPending(undefined)
  }

  return (
    <form class="ck-card mk-membership-adjust" onSubmit={check} novalidate>
      <h2>{t().adjustTitle}</h2>
      <p class="ck-help">{t().adjustHelp}</p>
      <Field label={t().ledger} id="adjust-ledger">
        {(aria) => (
          <select
            {...aria}
            value={ledger()}
            onChange={(e) => changed(() => setLedger(e.currentTarget.value as Ledger))}
          >
            <option value="points">{t().ledgerNames.points}</option>
            <option value="balance">{t().ledgerNames.balance}</option>
            <option value="growth">{t().ledgerNames.growth}</option>
          </select>
        )}
      </Field>
      <fieldset class="mk-membership-direction">
        <legend>{t().direction}</legend>
        <label>
          <input
            type="radio"
            name="adjust-direction"
            checked={direction() === 'add'}
            onChange={() => changed(() => setDirection('add'))}
          />{' '}
          {t().add}
        </label>
        <label>
          <input
            type="radio"
            name="adjust-direction"
            checked={direction() === 'deduct'}
            onChange={() => changed(() => setDirection('deduct'))}
          />{' '}
          {t().deduct}
        </label>
      </fieldset>
      <Field
        label={
          ledger() === 'balance'
            ? t().amountBalance
            : ledger() === 'points'
              ? t().amountPoints
              : t().amountGrowth
        }
        id="adjust-amount"
        error={errors().delta}
      >
        {(aria) => (
          <input
            {...aria}
            inputmode={ledger() === 'balance' ? 'decimal' : 'numeric'}
            value={amount()}
            onInput={(e) => changed(() => setAmount(e.currentTarget.value))}
          />
        )}
      </Field>
      <Field label={t().reason} id="adjust-reason" help={t().reasonHelp} error={errors().reason}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={reason()}
            onInput={(e) => changed(() => setReason(e.currentTarget.value))}
          />
        )}
      </Field>
      <Show when={message()}>
        {(m) => (
          <p classList={{ 'ck-notice': m().ok === true, 'ck-error': !m().ok }} role="status">
            {m().text}
          </p>
        )}
      </Show>
      <Show
        when={pending()}
        keyed
        fallback={
          <div class="ck-form-actions">
            <button type="submit" class="ck-btn ck-btn--primary">
              {t().adjust}
            </button>
          </div>
        }
      >
        {(chosen) => (
          <div class="ck-confirm" role="alertdialog" aria-label={t().confirmAdjust(chosen.what)}>
            <span>{t().confirmAdjust(chosen.what)}</span>
            <button
              type="button"
              class="ck-btn ck-btn--primary"
              disabled={saving()}
              onClick={() => void apply()}
            >
              {saving() ? t().adjusting : t().adjust}
            </button>
            <button type="button" class="ck-btn" onClick={() => setPending(undefined)}>
              {t().cancel}
            </button>
          </div>
        )}
      </Show>
    </form>
  )
}
