import { createSignal, For, onMount, Show } from 'solid-js'
import { routePath } from '../../../app/router.ts'
import { navigate } from '../../../app/router.ts'
import { formatMoney } from '../../../kit/money.ts'
import { formatTime } from '../shared/format.ts'
import { opsText } from '../shared/strings.ts'
import type { OrderSummary } from '../orders/order-api.ts'
import { StatusBadge } from '../orders/StatusBadge.tsx'
import { customerApi } from './customer-api.ts'
import { customerText } from './customer-strings.ts'

/** The customer's orders, newest first, each linking to the order desk; paged by "load more". */
export function CustomerOrders(p: { slug: string; customerId: string; canSeeOrders: boolean }) {
  const [items, setItems] = createSignal<OrderSummary[]>([])
  const [next, setNext] = createSignal<string | null>(null)
  const [failed, setFailed] = createSignal(false)
  const [loaded, setLoaded] = createSignal(false)
  const load = async (cursor: string | null) => {
    try {
      const page = await customerApi.orders(p.slug, p.customerId, cursor)
      setItems((before) => [...before, ...page.items])
      setNext(page.nextCursor)
    } catch {
      setFailed(true)
    } finally {
      setLoaded(true)
    }
  }
  onMount(() => {
    if (p.canSeeOrders) void load(null)
  })
  const route = (id: string) =>
    ({ screen: 'section', slug: p.slug, section: 'orders', path: [id] }) as const
  return (
    <section class="ck-card ops-card">
      <h2>{customerText().orders}</h2>
      <Show when={failed()}>
        <p class="ck-error">{opsText().loadFailed}</p>
      </Show>
      <Show when={loaded() && !failed() && items().length === 0}>
        <p class="ck-muted">{customerText().noOrders}</p>
      </Show>
      <ul class="ops-plain">
        <For each={items()}>
          {(order) => (
            <li>
              <a
                href={routePath(route(order.id))}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(route(order.id))
                }}
              >
                {order.number}
              </a>{' '}
              <StatusBadge status={order.status} /> {formatMoney(order.total, order.currency)} ·{' '}
              <span class="ck-muted">{formatTime(order.placedAt)}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={next()}>
        {(cursor) => (
          <button type="button" class="ck-btn" onClick={() => void load(cursor())}>
            {customerText().more}
          </button>
        )}
      </Show>
    </section>
  )
}
