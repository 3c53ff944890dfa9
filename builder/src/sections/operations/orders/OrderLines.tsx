import { For, Show } from 'solid-js'
import { localized } from '../../../app/i18n.ts'
import { formatMoney } from '../../../kit/money.ts'
import type { OrderDetail } from './order-api.ts'
import { orderText } from './order-strings.ts'

/** The order's lines, its totals and why its price differs from the list prices. */
export function OrderLines(p: { order: OrderDetail }) {
  const money = (minor: number) => formatMoney(minor, p.order.currency)
  const text = orderText
  return (
    <section class="ck-card ops-card">
      <h2>{text().lines}</h2>
      <table class="ck-table">
        <thead>
          <tr>
            <th>{text().product}</th>
            <th class="ck-num">{text().unitPrice}</th>
            <th class="ck-num">{text().qty}</th>
            <th class="ck-num">{text().shipped}</th>
            <th class="ck-num">{text().total}</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.order.lines}>
            {(line) => (
              <tr>
                <td>
                  {localized(line.title)}
                  <Show when={Object.keys(line.spec).length > 0}>
                    <span class="ck-muted"> · {Object.values(line.spec).join(' / ')}</span>
                  </Show>
                </td>
                <td class="ck-num">{money(line.unitPrice)}</td>
                <td class="ck-num">{line.quantity}</td>
                <td class="ck-num">{line.shippedQuantity}</td>
                <td class="ck-num">{money(line.total)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <dl class="ops-totals">
        <dt>{text().subtotal}</dt>
        <dd>{money(p.order.subtotal)}</dd>
        <dt>{text().discount}</dt>
        <dd>−{money(p.order.discountTotal)}</dd>
        <dt>{text().shippingFee}</dt>
        <dd>{money(p.order.shippingFee)}</dd>
        <dt>{text().total}</dt>
        <dd class="ops-totals__total">{money(p.order.total)}</dd>
      </dl>
      <Show when={p.order.adjustments.length > 0}>
        <h3>{text().adjustments}</h3>
        <ul class="ops-plain">
          <For each={p.order.adjustments}>
            {(adjustment) => (
              <li>
                {localized(adjustment.reason)}: {money(adjustment.amount)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
