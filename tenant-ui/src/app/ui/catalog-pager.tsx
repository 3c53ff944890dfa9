import { createSignal, Show, type Accessor } from 'solid-js'
import { inLocale, messages } from '../../shared/i18n.ts'
import { useStorefront } from '../storefront-context.ts'
import './catalog-ui.css'

const text = messages({
  'zh-CN': {
    more: '加载更多',
    loading: '加载中…',
    end: '没有更多了',
    failed: '加载失败，请重试。',
  },
  en: {
    more: 'Load more',
    loading: 'Loading…',
    end: 'That’s everything',
    failed: 'Could not load more. Please try again.',
  },
})

/** One page of a cursor-paged list. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** A paged list as the browser grows it. */
export interface Pager<T> {
  items: Accessor<T[]>
  /** Fetches and appends the next page (nothing while one is loading or at the end). */
  more(): Promise<void>
  loading: Accessor<boolean>
  failed: Accessor<boolean>
  hasMore: Accessor<boolean>
}

/**
 * A list whose first page came from the server and whose further pages the browser fetches by
 * cursor. A failed fetch keeps the cursor, so "load more" retries the same page.
 */
export function createPager<T>(
  first: Page<T>,
  fetchPage: (cursor: string) => Promise<Page<T>>,
): Pager<T> {
  const [items, setItems] = createSignal<T[]>(first.items)
  const [cursor, setCursor] = createSignal(first.nextCursor)
  const [loading, setLoading] = createSignal(false)
  const [failed, setFailed] = createSignal(false)
  const more = async () => {
    const at = cursor()
    if (!at || loading()) return
    setLoading(true)
    setFailed(false)
    try {
      const page = await fetchPage(at)
      setItems((shown) => [...shown, ...page.items])
      setCursor(page.nextCursor)
    } catch {
      setFailed(true)
    } finally {
      setLoading(false)
    }
  }
  return { items, more, loading, failed, hasMore: () => cursor() !== null }
}

/** The end of a paged list: "load more" while there is more, then a quiet end line. */
export function LoadMore(p: { pager: Pager<unknown> }) {
  const t = inLocale(text, useStorefront().locale)
  return (
    <div class="mk-more">
      <Show
        when={p.pager.hasMore()}
        fallback={
          <Show when={p.pager.items().length > 0}>
            <p class="mk-more__end">{t.end}</p>
          </Show>
        }
      >
        <button
          type="button"
          class="mk-button mk-button--ghost mk-more__button"
          disabled={p.pager.loading()}
          aria-busy={p.pager.loading()}
          onClick={() => void p.pager.more()}
        >
          {p.pager.loading() ? t.loading : t.more}
        </button>
        <Show when={p.pager.failed()}>
          <p class="mk-more__error" role="alert">
            {t.failed}
          </p>
        </Show>
      </Show>
    </div>
  )
}
