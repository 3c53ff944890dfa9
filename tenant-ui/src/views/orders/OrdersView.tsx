import { createSignal, For, onMount, Show } from 'solid-js'
import type { ViewProps } from '../../app/App.tsx'
import { useStorefront } from '../../app/storefront-context.ts'
import { formatTime, LineThumb, useAccountText } from '../../app/ui/account-kit.tsx'
import { createRemote, requireCustomer } from '../../app/ui/account-remote.ts'
import type { OrderListItem } from '../../app/ui/account-types.ts'
import { EmptyState, ErrorState, Loading, PageBar } from '../../app/ui/ui.tsx'
import { storeApi } from '../../shared/api.ts'
import { formatPrice, mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { pick } from '../../shared/localized.ts'
import { paths } from '../../shared/routes.ts'
import { ORDER_TABS, ordersText, type OrderTab } from './messages.ts'

interface Page {
  items: OrderListItem[]
  nextCursor: string | null
}

const isTab = (value: string | undefined): value is OrderTab =>
  value !== undefined && value in ORDER_TABS

/** The customer's orders by status tab (`?status=to_pay`), newest first, with "load more". */
export default function OrdersView(p: ViewProps<null>) {
  const store = useStorefront()
  const t = inLocale(ordersText, store.locale)
  const acc = useAccountText()
  const [tab, setTab] = createSignal<OrderTab>(isTab(p.query.status) ? p.query.status : 'all')
  const [more, setMore] = createSignal(false)
  const fetchPage = (cursor?: string) => {
    const query = new URLSearchParams({ limit: '10' })
    const statuses = ORDER_TABS[tab()]
    if (statuses) query.set('status', statuses)
    if (cursor) query.set('cursor', cursor)
    return storeApi<Page>(store.base, `/orders?${query}`)
  }
  const list = createRemote<Page>(store.base, async () => {
    await requireCustomer(store.base)
    return fetchPage()
  })
  onMount(() => void list.reload())

  const tabHref = (name: OrderTab) =>
    mallHref(store.base, name === 'all' ? paths.orders() : `${paths.orders()}?status=${name}`)
  const choose = (event: MouseEvent, name: OrderTab) => {
    event.preventDefault()
    if (name === tab()) return
    setTab(name)
    window.history.replaceState(null, '', tabHref(name))
    void list.reload()
  }
  const loadMore = async () => {
    const current = list.data()
    if (!current?.nextCursor || more()) return
    setMore(true)
    try {
      const next = await fetchPage(current.nextCursor)
      list.set({ items: [...current.items, ...next.items], nextCursor: next.nextCursor })
    } finally {
      setMore(false)
    }
  }

  return (
    <main class="mk-view mk-acc">
      <PageBar title={t.title} />
      <nav class="mk-tabs" aria-label={t.tabsLabel}>
        <For each={Object.keys(ORDER_TABS) as OrderTab[]}>
          {(name) => (
            <a
              href={tabHref(name)}
              aria-current={tab() === name ? 'page' : undefined}
              onClick={(e) => choose(e, name)}
            >
              {t.tabs[name]}
            </a>
          )}
        </For>
      </nav>
      <Show when={!list.loading() || list.data()} fallback={<Loading />}>
        <Show when={list.data()} fallback={<ErrorState onRetry={() => void list.reload()} />}>
          {(page) => (
            <Show
              when={page().items.length > 0}
              fallback={
                <EmptyState
                  title={t.emptyTitle}
                  text={t.emptyText}
                  action={
                    <a class="mk-button" href={mallHref(store.base, paths.home())}>
                      {t.goShopping}
                    </a>
                  }
                />
              }
            >
              <ul class="mk-acc__body mk-lines" aria-busy={list.loading() ? 'true' : undefined}>
                <For each={page().items}>
                  {(order) => (
                    <li class="mk-card">
                      <a class="mk-order-card" href={mallHref(store.base, paths.order(order.id))}>
                        <span class="mk-card__head">
                          <span class="mk-muted">{t.number(order.number)}</span>
                          <span
                            class="mk-badge"
                            classList={{ 'mk-badge--active': order.status !== 'cancelled' }}
                          >
                            {acc.status[order.status]}
                          </span>
                        </span>
                        <span class="mk-order-card__pictures">
                          <For each={order.preview.imageUrls}>
                            {(url) => <LineThumb url={url} alt="" />}
                          </For>
                          <Show when={order.preview.lineCount === 1}>
                            <span class="mk-line__title">
                              {pick(order.preview.firstTitle, store.locale)}
                            </span>
                          </Show>
                        </span>
                        <span class="mk-line__foot">
                          <time class="mk-muted" datetime={order.placedAt}>
                            {formatTime(order.placedAt, store.locale)}
                          </time>
                          <span>{t.total(formatPrice(order.total), order.preview.itemCount)}</span>
                        </span>
                      </a>
                      <Show when={order.status === 'pending_payment'}>
                        <div class="mk-form__actions">
                          <a class="mk-button" href={mallHref(store.base, paths.pay(order.id))}>
                            {t.pay}
                          </a>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={page().nextCursor}>
                <div class="mk-center">
                  <button
                    type="button"
                    class="mk-button mk-button--ghost"
                    disabled={more()}
                    onClick={() => void loadMore()}
                  >
                    {more() ? t.loadingMore : t.more}
                  </button>
                </div>
              </Show>
            </Show>
          )}
        </Show>
      </Show>
    </main>
  )
}
