import { Index, Show } from 'solid-js'
import { messageFor } from './product-form.ts'
import { productText } from './product-strings.ts'
import { specOf, type OptionDraft, type SkuDraft } from './spec-form.ts'

/** One cell's input with its error below it, tied by `aria-describedby`. */
function Cell(p: {
  id: string
  label: string
  value: string
  error: string | undefined
  inputMode: 'decimal' | 'numeric' | 'text'
  onInput: (value: string) => void
}) {
  return (
    <td>
      <input
        id={p.id}
        type="text"
        inputMode={p.inputMode}
        aria-label={p.label}
        aria-invalid={Boolean(p.error)}
        aria-describedby={`${p.id}-error`}
        value={p.value}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
      <Show when={p.error}>
        <span class="ck-error" id={`${p.id}-error`} role="alert">
          {p.error}
        </span>
      </Show>
    </td>
  )
}

/** The SKU rows of the spec matrix: price, compare-at price, stock and code of each combination. */
export function SkuTable(p: {
  options: OptionDraft[]
  rows: SkuDraft[]
  currency: string
  errors: Record<string, string>
  onChange: (index: number, patch: Partial<SkuDraft>) => void
}) {
  const text = productText
  const nameOf = (row: SkuDraft) =>
    Object.values(specOf(p.options, row.combo)).join(' / ') || text().defaultSku
  const err = (i: number, field: string) => messageFor(p.errors, `skus.${i}.${field}`)
  return (
    <div class="mk-sku">
      <Show when={p.errors.skus}>
        <p class="ck-error" role="alert">
          {p.errors.skus}
        </p>
      </Show>
      <table class="ck-table mk-sku__table">
        <thead>
          <tr>
            <th>{text().sku}</th>
            <th>{`${text().price} (${p.currency})`}</th>
            <th>{`${text().compareAt} (${p.currency})`}</th>
            <th>{text().stock}</th>
            <th>{text().code}</th>
          </tr>
        </thead>
        <tbody>
          <Index each={p.rows}>
            {(row, i) => (
              <tr>
                <th scope="row">
                  {nameOf(row())}
                  <Show when={err(i, 'spec') ?? err(i, 'id')}>
                    {(message) => (
                      <span class="ck-error" role="alert">
                        {message()}
                      </span>
                    )}
                  </Show>
                </th>
                <Cell
                  id={`sku-${i}-price`}
                  label={text().skuPrice(nameOf(row()))}
                  value={row().price}
                  inputMode="decimal"
                  error={err(i, 'price')}
                  onInput={(price) => p.onChange(i, { price })}
                />
                <Cell
                  id={`sku-${i}-compare`}
                  label={text().skuCompareAt(nameOf(row()))}
                  value={row().compareAt}
                  inputMode="decimal"
                  error={err(i, 'compareAtPrice')}
                  onInput={(compareAt) => p.onChange(i, { compareAt })}
                />
                <Cell
                  id={`sku-${i}-stock`}
                  label={text().skuStock(nameOf(row()))}
                  value={row().stock}
                  inputMode="numeric"
                  error={err(i, 'stock')}
                  onInput={(stock) => p.onChange(i, { stock, stockTouched: true })}
                />
                <Cell
                  id={`sku-${i}-code`}
                  label={text().skuCode(nameOf(row()))}
                  value={row().code}
                  inputMode="text"
                  error={err(i, 'code')}
                  onInput={(code) => p.onChange(i, { code })}
                />
              </tr>
            )}
          </Index>
        </tbody>
      </table>
    </div>
  )
}
