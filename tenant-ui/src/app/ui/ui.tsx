import { Show, type JSX } from 'solid-js'
import IconChevronLeft from '~icons/lucide/chevron-left'
import IconHouse from '~icons/lucide/house'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { useStorefront } from '../storefront-context.ts'
import type { Remote } from './account-remote.ts'
import { common } from './common-messages.ts'
import './ui.css'

/** The strings every view uses, in the page's locale. */
export function useCommon() {
  return inLocale(common, useStorefront().locale)
}

/**
 * The bar at the top of a storefront page: back (history, or home when the page was opened
 * directly), the title (the page's heading unless `heading` is false, when the page has its own
 * h1, like a product's name), and a link home.
 */
export function PageBar(p: { title: string; heading?: boolean; children?: JSX.Element }) {
  const store = useStorefront()
  const t = useCommon()
  const back = (event: MouseEvent) => {
    if (window.history.length > 1 && document.referrer.startsWith(window.location.origin)) {
      event.preventDefault()
      window.history.back()
    }
  }
  return (
    <header class="mk-bar">
      <a class="mk-bar__button" href={mallHref(store.base, '/')} onClick={back} aria-label={t.back}>
        <IconChevronLeft aria-hidden="true" />
      </a>
      <Show when={p.heading !== false} fallback={<div class="mk-bar__title">{p.title}</div>}>
        <h1 class="mk-bar__title">{p.title}</h1>
      </Show>
      <div class="mk-bar__end">
        {p.children}
        <a class="mk-bar__button" href={mallHref(store.base, '/')} aria-label={t.home}>
          <IconHouse aria-hidden="true" />
        </a>
      </div>
    </header>
  )
}

/** A spinner with a label for screen readers, for data the browser is fetching. */
export function Loading(p: { label?: string }) {
  const t = useCommon()
  return (
    <div class="mk-state" role="status" aria-live="polite">
      <span class="mk-spinner" aria-hidden="true" />
      <span>{p.label ?? t.loading}</span>
    </div>
  )
}

/** What went wrong, with a retry button when the caller can retry. */
export function ErrorState(p: { message?: string; onRetry?: () => void }) {
  const t = useCommon()
  return (
    <div class="mk-state mk-state--error" role="alert">
      <strong>{t.errorTitle}</strong>
      <span>{p.message ?? t.networkError}</span>
      <Show when={p.onRetry}>
        {(retry) => (
          <button type="button" class="mk-button mk-button--ghost" onClick={() => retry()()}>
            {t.retry}
          </button>
        )}
      </Show>
    </div>
  )
}

/**
 * What a `Remote` shows until its data arrives: loading, or its error (`message`, else the
 * network one) with a retry. Use it as the `fallback` of a `Show` on `remote.data()`.
 */
export function RemoteFallback(p: {
  remote: Pick<Remote<unknown>, 'error' | 'reload'>
  message?: string
}) {
  return (
    <Show when={p.remote.error()} fallback={<Loading />}>
      <ErrorState message={p.message} onRetry={() => void p.remote.reload()} />
    </Show>
  )
}

/** An empty list or page: what is missing, and what to do next. */
export function EmptyState(p: { title: string; text?: string; action?: JSX.Element }) {
  return (
    <div class="mk-state mk-state--empty">
      <strong>{p.title}</strong>
      <Show when={p.text}>
        <span>{p.text}</span>
      </Show>
      {p.action}
    </div>
  )
}
