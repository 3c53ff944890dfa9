import { createSignal, Show } from 'solid-js'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { FormEnd } from '../editor-parts.tsx'
import { moneyInput, parseMoney } from '../../../../../builder/src/kit/money.ts'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { createPackage, editPackage, type Package } from '../client.ts'
import { text } from '../strings.ts'
import { SkuField } from './SkuField.tsx'

/**
 * Creates a package, or edits `editing`: name, pay amount, bonus, order, on sale, and the SKU
 * that sells it online (none: paid off-line).
 */
export function PackageForm(p: {
  slug: string
  currency: string
  editing?: Package | undefined
  onSaved: (saved: Package) => void
  onCancel: () => void
}) {
  const t = () => text()
  const [name, setName] = createSignal(p.editing?.name ?? '')
  const [amount, setAmount] = createSignal(p.editing ? moneyInput(p.editing.amount) : '')
  const [bonus, setBonus] = createSignal(p.editing ? moneyInput(p.editing.bonus) : '0')
  const [position, setPosition] = createSignal(String(p.editing?.position ?? 0))
  const [active, setActive] = createSignal(p.editing?.active ?? true)
  const [skuId, setSkuId] = createSignal<string | null>(p.editing?.skuId ?? null)
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<string>()
  const [saving, setSaving] = createSignal(false)

  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    if (saving()) return
    const pay = parseMoney(amount())
    const extra = parseMoney(bonus() || '0')
    const order = /^\s*\d{1,4}\s*$/.test(position()) ? Number(position()) : 0
    const found: Record<string, string> = {}
    if (!name().trim()) found.name = t().nameInvalid
    if (pay === null || pay <= 0) found.amount = t().payInvalid
    if (extra === null) found.bonus = t().bonusInvalid
    setErrors(found)
    setMessage(undefined)
    if (Object.keys(found).length > 0 || pay === null || extra === null) return
    const body = {
      name: name().trim(),
      amount: pay,
      bonus: extra,
      position: order,
      active: active(),
      skuId: skuId(),
    }
    setSaving(true)
    try {
      const saved = p.editing
        ? await editPackage(p.slug, p.editing.id, body)
        : await createPackage(p.slug, body)
      p.onSaved(saved)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="ck-card mk-membership-package-form" onSubmit={save} novalidate>
      <h2>{p.editing ? `${t().edit}: ${p.editing.name}` : t().newPackage}</h2>
      <Field label={t().packageName} id="package-name" error={errors().name}>
        {(aria) => (
          <input
            {...aria}
            maxLength={40}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t().pay} id="package-amount" error={errors().amount}>
        {(aria) => (
          <input
            {...aria}
            inputmode="decimal"
            value={amount()}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t().bonus} id="package-bonus" help={t().bonusHelp} error={errors().bonus}>
        {(aria) => (
          <input
            {...aria}
            inputmode="decimal"
            value={bonus()}
            onInput={(e) => setBonus(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        label={t().position}
        id="package-position"
        help={t().positionHelp}
        error={errors().position}
      >
        {(aria) => (
          <input
            {...aria}
            inputmode="numeric"
            value={position()}
            onInput={(e) => setPosition(e.currentTarget.value)}
          />
        )}
      </Field>
      <SkuField slug={p.slug} currency={p.currency} value={skuId()} onChange={setSkuId} />
      <Show when={errors().skuId}>
        <p class="ck-error" role="alert">
          {errors().skuId}
        </p>
      </Show>
      <FormEnd
        active={active()}
        onActive={setActive}
        message={message()}
        saving={saving()}
        labels={t()}
        onCancel={() => p.onCancel()}
      />
    </form>
  )
}
