import { createSignal, Show } from 'solid-js'
import { Field } from '../../../kit/Field.tsx'
import { problemMessages } from '../../../kit/problems.ts'
import { catalogApi } from '../shared/catalog-api.ts'
import { inventoryText } from './inventory-strings.ts'

/**
 * A SKU's stock with an adjust form: add or remove (`delta`) or set it, with a reason for the
 * audit log. The API refuses stock below 0 (409), shown next to the amount.
 */
export function StockAdjust(p: {
  slug: string
  skuId: string
  name: string
  stock: number
  low: number
}) {
  const text = inventoryText
  const [stock, setStock] = createSignal(p.stock)
  const [open, setOpen] = createSignal(false)
  const [mode, setMode] = createSignal<'delta' | 'set'>('delta')
  const [amount, setAmount] = createSignal('')
  const [reason, setReason] = createSignal('')
  const [error, setError] = createSignal<string>()
  const [done, setDone] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const id = () => `stock-${p.skuId}`

  const save = async (e: SubmitEvent) => {
    e.preventDefault()
    const typed = amount().trim()
    const valid = mode() === 'set' ? /^\d{1,8}$/.test(typed) : /^[-+]?\d{1,8}$/.test(typed)
    if (!valid) return setError(text().notWhole)
    setBusy(true)
    setError(undefined)
    try {
      const sku = await catalogApi.adjustStock(p.slug, p.skuId, {
        [mode()]: Number(typed),
        ...(reason().trim() ? { reason: reason().trim() } : {}),
      })
      setStock(sku.stock)
      setDone(text().adjusted(sku.stock))
      setOpen(false)
      setAmount('')
      setReason('')
    } catch (failure) {
      const problem = problemMessages(failure)
      setError(
        (problem.fields.delta ?? problem.fields.set)
          ? `${problem.message} (${problem.fields.delta ?? problem.fields.set})`
          : problem.message,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <td class="ck-num">
        <span class="mk-stock">{stock()}</span>
        <Show when={stock() <= p.low}>
          <span class="ck-badge mk-cat-out">{stock() === 0 ? text().out : text().low}</span>
        </Show>
      </td>
      <td class="mk-stock__cell">
        <Show when={done()}>
          <span class="ck-muted" role="status">
            {done()}
          </span>
        </Show>
        <Show
          when={open()}
          fallback={
            <button
              type="button"
              class="ck-btn"
              aria-label={text().adjustOf(p.name)}
              onClick={() => (setDone(undefined), setOpen(true))}
            >
              {text().adjust}
            </button>
          }
        >
          <form
            class="mk-stock__form"
            onSubmit={(e) => void save(e)}
            aria-label={text().adjustOf(p.name)}
            novalidate
          >
            <Field id={`${id()}-mode`} label={text().mode}>
              {(aria) => (
                <select
                  {...aria}
                  value={mode()}
                  onChange={(e) => setMode(e.currentTarget.value as 'delta' | 'set')}
                >
                  <option value="delta">{text().add}</option>
                  <option value="set">{text().set}</option>
                </select>
              )}
            </Field>
            <Field
              id={`${id()}-amount`}
              label={text().amount}
              help={mode() === 'delta' ? text().amountHelp : undefined}
              error={error()}
            >
              {(aria) => (
                <input
                  type="text"
                  inputMode="numeric"
                  {...aria}
                  value={amount()}
                  onInput={(e) => setAmount(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id={`${id()}-reason`} label={text().reason} help={text().reasonHelp}>
              {(aria) => (
                <input
                  type="text"
                  maxLength={200}
                  {...aria}
                  value={reason()}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="ck-form-actions">
              <button type="submit" class="ck-btn ck-btn--primary" disabled={busy()}>
                {text().save}
              </button>
              <button type="button" class="ck-btn" onClick={() => setOpen(false)}>
                {text().cancel}
              </button>
            </div>
          </form>
        </Show>
      </td>
    </>
  )
}
