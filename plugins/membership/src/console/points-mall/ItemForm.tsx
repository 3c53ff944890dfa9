import { createResource, createSignal, For, Show } from 'solid-js'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { FormEnd } from '../editor-parts.tsx'
import { problemMessages } from '../../../../../builder/src/kit/problems.ts'
import { createItem, editItem, listCoupons, type MallItem } from './client.ts'
import { readItem, type ItemFields } from './item-input.ts'
import { mallText } from './strings.ts'

/**
 * Creates an item, or edits `editing`: name, the coupon (picked from the coupons plugin's admin
 * API), points price, stock, per-customer limit, order, on offer. The browser checks what it can;
 * the API's refusals show next to their inputs.
 */
export function ItemForm(p: {
  slug: string
  editing?: MallItem | undefined
  onSaved: (saved: MallItem) => void
  onCancel: () => void
}) {
  const t = () => mallText()
  const [coupons] = createResource(() => p.slug, listCoupons)
  const [fields, setFields] = createSignal<ItemFields>({
    name: p.editing?.name ?? '',
    couponTemplateId: p.editing?.couponTemplateId ?? '',
    points: p.editing ? String(p.editing.points) : '',
    stock: p.editing?.stock == null ? '' : String(p.editing.stock),
    perCustomerLimit: String(p.editing?.perCustomerLimit ?? 1),
    position: String(p.editing?.position ?? 0),
    active: p.editing?.active ?? true,
  })
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal<string>()
  const [saving, setSaving] = createSignal(false)
  const set = <K extends keyof ItemFields>(key: K, value: ItemFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }))

  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    if (saving()) return
    const read = readItem(fields(), t())
    setMessage(undefined)
    if ('problems' in read) return setErrors(read.problems as Record<string, string>)
    setErrors({})
    setSaving(true)
    try {
      const saved = p.editing
        ? await editItem(p.slug, p.editing.id, read.body)
        : await createItem(p.slug, read.body)
      p.onSaved(saved)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setSaving(false)
    }
  }

  const input =
    (key: 'name' | 'points' | 'stock' | 'perCustomerLimit' | 'position') =>
    (aria: Record<string, unknown>) => (
      <input
        {...aria}
        inputmode={key === 'name' ? undefined : 'numeric'}
        maxLength={key === 'name' ? 60 : 9}
        value={fields()[key]}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
    )

  return (
    <form class="ck-card mk-membership-package-form" onSubmit={save} novalidate>
      <h2>{p.editing ? `${t().edit}: ${p.editing.name}` : t().newItem}</h2>
      <Field label={t().name} id="mall-item-name" error={errors().name}>
        {input('name')}
      </Field>
      <Field
        label={t().coupon}
        id="mall-item-coupon"
        help={t().couponHelp}
        error={errors().couponTemplateId}
      >
        {(aria) => (
          <select
            {...aria}
            value={fields().couponTemplateId}
            onChange={(e) => set('couponTemplateId', e.currentTarget.value)}
          >
            <option value="">{t().pickCoupon}</option>
            <For each={coupons() ?? []}>
              {(coupon) => (
                <option value={coupon.id} selected={fields().couponTemplateId === coupon.id}>
                  {coupon.name}
                  {coupon.status === 'live' ? '' : ` ${t().draftStatus(coupon.status)}`}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Show when={coupons.error}>
        <p class="ck-error" role="alert">
          {t().couponsUnavailable}
        </p>
      </Show>
      <Field label={t().points} id="mall-item-points" error={errors().points}>
        {input('points')}
      </Field>
      <Field label={t().stock} id="mall-item-stock" help={t().stockHelp} error={errors().stock}>
        {input('stock')}
      </Field>
      <Field label={t().limit} id="mall-item-limit" error={errors().perCustomerLimit}>
        {input('perCustomerLimit')}
      </Field>
      <Field
        label={t().position}
        id="mall-item-position"
        help={t().positionHelp}
        error={errors().position}
      >
        {input('position')}
      </Field>
      <FormEnd
        active={fields().active}
        onActive={(v) => set('active', v)}
        message={message()}
        saving={saving()}
        labels={t()}
        onCancel={() => p.onCancel()}
      />
    </form>
  )
}
