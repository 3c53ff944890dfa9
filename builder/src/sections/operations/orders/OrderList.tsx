import { createSignal, For } from 'solid-js'
import { ListView } from '../../../kit/ListView.tsx'
import { formatMoney } from '../../../kit/money.ts'
import type { SectionProps } from '../../section.ts'
import { DateRange } from '../shared/DateRange.tsx'
import { formatTime } from '../shared/format.ts'
import { dayEnd, dayStart } from '../shared/http.ts'
import { orderApi, orderStatuses, type OrderStatus, type OrderSummary } from './order-api.ts'
import { orderText } from './order-strings.ts'
import { StatusBadge } from './StatusBadge.tsx'

const ARROWS: Record<string, number | undefined> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
}

/** The mall's orders: status tabs, search by number, a date range, newest first. */
export function OrderList(p: SectionProps) {
  const [status, setStatus] = createSignal<OrderStatus | ''>('')
  const [from, setFrom] = createSignal('')
  const [to, setTo] = createSignal('')
  const text = orderText
  const choices: readonly (OrderStatus | '')[] = ['', ...orderStatuses]
  return (
    <>
      <div
        class="ck-segmented ops-status-tabs"
        role="radiogroup"
        aria-label={text().statusFilter}
        onKeyDown={(e) => {
          // Arrow keys move the choice, as in any radio group.
          const step = ARROWS[e.key]
          if (!step) return
          e.preventDefault()
          const at = choices.indexOf(status())
          const next = choices[(at + step + choices.length) % choices.length] ?? ''
          setStatus(next)
          e.currentTarget.querySelectorAll('button')[choices.indexOf(next)]?.focus()
        }}
      >
        <For each={choices}>
          {(value) => (
            <button
              type="button"
              role="radio"
              aria-checked={status() === value}
              tabIndex={status() === value ? 0 : -1}
              onClick={() => setStatus(value)}
            >
              {value ? text().status[value] : text().all}
            </button>
          )}
        </For>
      </div>
      <ListView<OrderSummary>
        load={(query) => orderApi.list(p.slug, query)}
        filters={{ status: status() || undefined, from: dayStart(from()), to: dayEnd(to()) }}
        searchLabel={text().search}
        toolbar={
          <DateRange idPrefix="orders" from={from()} to={to()} onFrom={setFrom} onTo={setTo} />
        }
        empty={<p>{text().empty}</p>}
        head={
          <>
            <th>{text().number}</th>
            <th>{text().placed}</th>
            <th>{text().statusCol}</th>
            <th class="ck-num">{text().total}</th>
          </>
        }
        row={(order) => (
          <>
            <td>
              <a
                href={p.href([order.id])}
                onClick={(e) => {
                  e.preventDefault()
                  p.go([order.id])
                }}
              >
                {order.number}
              </a>
            </td>
            <td>{formatTime(order.placedAt)}</td>
            <td>
              <StatusBadge status={order.status} />
            </td>
            <td class="ck-num">{formatMoney(order.total, order.currency)}</td>
          </>
        )}
      />
    </>
  )
}
