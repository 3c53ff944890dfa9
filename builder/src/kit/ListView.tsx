import { createEffect, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js'
import IconSearch from '~icons/lucide/search'
import { kitText } from './strings.ts'

/** One page of a list as the admin API answers it. */
export interface ListPage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A searchable, paginated table of what `load` returns. `load` gets the query to send (`q` when
 * searching, `cursor` for the next page, plus `filters`); changing the search or the filters
 * starts again from the first page; "Load more" appends the next one. An empty list says what to
 * do next (`empty`).
 */
export function ListView<T>(p: {
  load: (query: URLSearchParams) => Promise<ListPage<T>>
  /** Extra query parameters (reactive: a change reloads); undefined ones are left out. */
  filters?: Record<string, string | undefined>
  searchLabel: string
  /** What an empty list says: given the search typed, so "no match" differs from "none yet". */
  empty: JSX.Element | ((search: string) => JSX.Element)
  /** The table's header row cells. */
  head: JSX.Element
  /** A row's cells. */
  row: (item: T) => JSX.Element
  /** Controls next to the search box (filters, a "new" button). */
  toolbar?: JSX.Element
  /** Receives `reload`, for screens that change an item and want the list fresh. */
  ref?: (controls: { reload(): void }) => void
}) {
  const [typed, setTyped] = createSignal('')
  const [q, setQ] = createSignal('')
  const [items, setItems] = createSignal<T[]>([])
  const [next, setNext] = createSignal<string | null>(null)
  const [loading, setLoading] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  let generation = 0

  const fetchPage = async (cursor: string | null) => {
    const mine = ++generation
    setLoading(true)
    setFailed(false)
    const query = new URLSearchParams()
    if (q()) query.set('q', q())
    for (const [key, value] of Object.entries(p.filters ?? {}))
      if (value !== undefined && value !== '') query.set(key, value)
    if (cursor) query.set('cursor', cursor)
    try {
      const page = await p.load(query)
      if (mine !== generation) return
      setItems((before) => (cursor ? [...before, ...page.items] : page.items))
      setNext(page.nextCursor)
    } catch {
      if (mine === generation) setFailed(true)
    } finally {
      if (mine === generation) setLoading(false)
    }
  }

  createEffect(
    on([q, () => JSON.stringify(p.filters ?? {})], () => {
      setItems([])
      void fetchPage(null)
    }),
  )
  p.ref?.({ reload: () => void fetchPage(null) })

  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const search = (value: string) => {
    setTyped(value)
    clearTimeout(timer)
    timer = setTimeout(() => setQ(value.trim()), 250)
  }

  return (
    <section class="ck-listview">
      <div class="ck-listview__bar">
        <label class="ck-search">
          <IconSearch aria-hidden="true" />
          <span class="ck-sr">{p.searchLabel}</span>
          <input
            type="search"
            placeholder={p.searchLabel}
            value={typed()}
            onInput={(e) => search(e.currentTarget.value)}
          />
        </label>
        {p.toolbar}
      </div>
      <Show
        when={items().length > 0 || loading() || failed()}
        fallback={
          <div class="ck-empty">{typeof p.empty === 'function' ? p.empty(q()) : p.empty}</div>
        }
      >
        <table class="ck-table" aria-busy={loading()}>
          <thead>
            <tr>{p.head}</tr>
          </thead>
          <tbody>
            <For each={items()}>{(item) => <tr>{p.row(item)}</tr>}</For>
          </tbody>
        </table>
      </Show>
      <div class="ck-listview__foot">
        <Show when={failed()}>
          <span class="ck-error" role="alert">
            {kitText().loadFailed}
          </span>
          <button type="button" class="ck-btn" onClick={() => void fetchPage(null)}>
            {kitText().retry}
          </button>
        </Show>
        <Show when={loading()}>
          <span class="ck-muted">{kitText().loading}</span>
        </Show>
        <Show when={!loading() && next()}>
          {(cursor) => (
            <button type="button" class="ck-btn" onClick={() => void fetchPage(cursor())}>
              {kitText().loadMore}
            </button>
          )}
        </Show>
      </div>
    </section>
  )
}
