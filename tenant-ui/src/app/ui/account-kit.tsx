import { createEffect, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js'
import { formatPrice } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import type { Locale } from '../../shared/localized.ts'
import { useStorefront } from '../storefront-context.ts'
import { accountMessages } from './account-messages.ts'
import type { Adjustment } from './account-types.ts'
import './account-pages.css'

/** The personal pages' shared strings, in the page's locale. */
export function useAccountText() {
  return inLocale(accountMessages, useStorefront().locale)
}

/** A date and time in the page's locale (browser only: the data is fetched there). */
export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

/**
 * A labelled form field with its complaint: the input is described by the message, marked
 * invalid, and the message is announced when it appears.
 */
export function TextField(p: {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  type?: string
  autocomplete?: string
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode']
  required?: boolean
  maxLength?: number
  multiline?: boolean
  hint?: string
}) {
  const describedBy = () =>
    [p.error ? `${p.id}-error` : '', p.hint ? `${p.id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined
  return (
    <div class="mk-field" classList={{ 'mk-field--invalid': Boolean(p.error) }}>
      <label class="mk-field__label" for={p.id}>
        {p.label}
      </label>
      <Show
        when={p.multiline}
        fallback={
          <input
            id={p.id}
            class="mk-field__input"
            type={p.type ?? 'text'}
            value={p.value}
            onInput={(e) => p.onInput(e.currentTarget.value)}
            autocomplete={p.autocomplete}
            inputMode={p.inputmode}
            required={p.required}
            maxLength={p.maxLength}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={describedBy()}
          />
        }
      >
        <textarea
          id={p.id}
          class="mk-field__input mk-field__input--multiline"
          value={p.value}
          onInput={(e) => p.onInput(e.currentTarget.value)}
          maxLength={p.maxLength}
          rows={3}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
      </Show>
      <Show when={p.hint}>
        <span id={`${p.id}-hint`} class="mk-field__hint">
          {p.hint}
        </span>
      </Show>
      <Show when={p.error}>
        <span id={`${p.id}-error`} class="mk-field__error" role="alert">
          {p.error}
        </span>
      </Show>
    </div>
  )
}

/** A message about the whole form (not one field), announced when it appears. */
export function FormMessage(p: { text: string | undefined }) {
  return (
    <Show when={p.text}>
      <p class="mk-form-message" role="alert">
        {p.text}
      </p>
    </Show>
  )
}

/**
 * Asks before something that cannot be undone, in a modal `<dialog>` (focus moves into it and
 * returns afterwards; Escape cancels).
 */
export function ConfirmDialog(p: {
  open: boolean
  title: string
  text?: string
  confirmLabel: string
  busy?: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const t = useAccountText()
  const titleId = createUniqueId()
  const [dialog, setDialog] = createSignal<HTMLDialogElement>()
  createEffect(() => {
    const element = dialog()
    if (!element) return
    if (p.open && !element.open) element.showModal()
    else if (!p.open && element.open) element.close()
  })
  return (
    <dialog ref={setDialog} class="mk-dialog" aria-labelledby={titleId} onClose={() => p.onClose()}>
      <h2 id={titleId} class="mk-dialog__title">
        {p.title}
      </h2>
      <Show when={p.text}>
        <p class="mk-dialog__text">{p.text}</p>
      </Show>
      <div class="mk-dialog__actions">
        <button type="button" class="mk-button mk-button--ghost" onClick={() => p.onClose()}>
          {t.cancel}
        </button>
        <button
          type="button"
          class="mk-button"
          disabled={p.busy}
          aria-busy={p.busy ? 'true' : undefined}
          onClick={() => p.onConfirm()}
        >
          {p.confirmLabel}
        </button>
      </div>
    </dialog>
  )
}

/** A line's small picture, or a neutral box when the product has none. */
export function LineThumb(p: { url: string | null | undefined; alt: string }) {
  const t = useAccountText()
  return (
    <Show
      when={p.url}
      fallback={
        <span class="mk-thumb mk-thumb--empty" role="img" aria-label={t.noImage}>
          <span aria-hidden="true">·</span>
        </span>
      }
    >
      {(url) => (
        <img class="mk-thumb" src={url()} alt={p.alt} width="72" height="72" loading="lazy" />
      )}
    </Show>
  )
}

/** A SKU's spec as `颜色: 黑 / 容量: 128G`. */
export const specText = (spec: Record<string, string>): string =>
  Object.entries(spec)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' / ')

/**
 * Every adjustment explained once: the same reason on several lines adds up into one row, in the
 * order the pipeline applied them.
 */
function explained(adjustments: readonly Adjustment[], locale: Locale) {
  const rows = new Map<string, { reason: string; amount: number }>()
  for (const a of adjustments) {
    const reason = a.reason[locale] || a.reason.en || a.code
    const key = `${a.code}\u0000${reason}`
    const row = rows.get(key)
    if (row) row.amount += a.amount
    else rows.set(key, { reason, amount: a.amount })
  }
  return [...rows.values()].filter((r) => r.amount !== 0)
}

/**
 * The money of a cart, checkout or order: subtotal, each adjustment with its reason, shipping
 * (when it applies) and the total.
 */
export function PriceSummary(p: {
  subtotal: number
  adjustments: readonly Adjustment[]
  shippingFee?: number | undefined
  /** False: shipping is not known yet (no delivery chosen). */
  shippingKnown?: boolean
  total: number
  totalLabel?: string
}) {
  const store = useStorefront()
  const t = useAccountText()
  return (
    <dl class="mk-summary">
      <div class="mk-summary__row">
        <dt>{t.subtotal}</dt>
        <dd>{formatPrice(p.subtotal)}</dd>
      </div>
      <For each={explained(p.adjustments, store.locale)}>
        {(row) => (
          <div class="mk-summary__row mk-summary__row--discount">
            <dt>{row.reason}</dt>
            <dd>{formatPrice(row.amount)}</dd>
          </div>
        )}
      </For>
      <Show when={p.shippingFee !== undefined || p.shippingKnown === false}>
        <div class="mk-summary__row">
          <dt>{t.shipping}</dt>
          <dd>
            {p.shippingKnown === false
              ? t.shippingLater
              : p.shippingFee
                ? formatPrice(p.shippingFee)
                : t.shippingFree}
          </dd>
        </div>
      </Show>
      <div class="mk-summary__row mk-summary__row--total">
        <dt>{p.totalLabel ?? t.total}</dt>
        <dd>{formatPrice(p.total)}</dd>
      </div>
    </dl>
  )
}
