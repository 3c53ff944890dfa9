import { createSignal, For, Show } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { Field } from '../../../kit/Field.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { orderApi, type OrderDetail } from './order-api.ts'
import { orderText } from './order-strings.ts'

const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '京东物流', 'EMS']
const TRACKING = /^[A-Za-z0-9-]+$/

/**
 * Records a parcel: carrier, tracking number and how many of each line still to ship it holds
 * (everything left, unless changed). Checked in place before the API is asked.
 */
export function ShipForm(p: {
  slug: string
  order: OrderDetail
  onShipped: (o: OrderDetail) => void
}) {
  const text = orderText
  const left = () => p.order.lines.filter((l) => l.quantity > l.shippedQuantity)
  const [carrier, setCarrier] = createSignal('')
  const [tracking, setTracking] = createSignal('')
  const [quantities, setQuantities] = createSignal<Record<string, number>>(
    Object.fromEntries(left().map((l) => [l.id, l.quantity - l.shippedQuantity])),
  )
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [message, setMessage] = createSignal('')
  const [busy, setBusy] = createSignal(false)

  const check = () => {
    const found: Record<string, string> = {}
    if (!carrier().trim()) found['carrier'] = text().needCarrier
    if (!tracking().trim()) found['trackingNumber'] = text().needTracking
    else if (!TRACKING.test(tracking().trim())) found['trackingNumber'] = text().badTracking
    if (!Object.values(quantities()).some((q) => q > 0)) found['lines'] = text().nothingToShip
    return found
  }

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setMessage('')
    const found = check()
    setErrors(found)
    if (Object.keys(found).length) return
    const lines = left()
      .map((l) => ({ lineId: l.id, quantity: quantities()[l.id] ?? 0 }))
      .filter((l) => l.quantity > 0)
    setBusy(true)
    try {
      const order = await orderApi.ship(p.slug, p.order.id, {
        carrier: carrier().trim(),
        trackingNumber: tracking().trim(),
        lines,
      })
      p.onShipped(order)
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      class="ck-card ops-card ops-form"
      onSubmit={submit}
      novalidate
      aria-label={text().shipTitle}
    >
      <h2>{text().shipTitle}</h2>
      <Field
        label={text().carrier}
        id="ship-carrier"
        help={text().carrierHelp}
        error={errors()['carrier']}
      >
        {(aria) => (
          <input
            {...aria}
            list="ship-carriers"
            value={carrier()}
            autocomplete="off"
            onInput={(e) => setCarrier(e.currentTarget.value)}
          />
        )}
      </Field>
      <datalist id="ship-carriers">
        <For each={CARRIERS}>{(name) => <option value={name} />}</For>
      </datalist>
      <Field
        label={text().tracking}
        id="ship-tracking"
        help={text().trackingHelp}
        error={errors()['trackingNumber']}
      >
        {(aria) => (
          <input
            {...aria}
            value={tracking()}
            autocomplete="off"
            onInput={(e) => setTracking(e.currentTarget.value)}
          />
        )}
      </Field>
      <Show when={left().length > 1}>
        <For each={left()}>
          {(line, i) => (
            <Field
              label={text().shipQty(localized(line.title))}
              id={`ship-qty-${line.id}`}
              error={errors()[`lines.${i()}.quantity`]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  min="0"
                  max={line.quantity - line.shippedQuantity}
                  value={quantities()[line.id] ?? 0}
                  onInput={(e) =>
                    setQuantities({
                      ...quantities(),
                      [line.id]: Number(e.currentTarget.value) || 0,
                    })
                  }
                />
              )}
            </Field>
          )}
        </For>
      </Show>
      <Show when={errors()['lines'] ?? message()}>
        {(shown) => (
          <p class="ck-error" role="alert">
            {shown()}
          </p>
        )}
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
          {busy() ? text().shipping : text().ship}
        </button>
      </div>
    </form>
  )
}
