import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { Portal } from 'solid-js/web'
import { customer, loadSession } from '../../../../../tenant-ui/src/app/session.ts'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { storeApi } from '../../../../../tenant-ui/src/shared/api.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { NewCustomerGiftProps } from '../../manifest.ts'
import { claimOffer, heldCounts, loadOffers, loginHref, type ClaimState } from '../shared/claim.ts'
import { couponText } from '../shared/messages.ts'
import { benefitText, validityText, type Offer } from '../shared/offer-text.ts'
import { giftDue, rememberClaimed, rememberDismissed } from './gift-memory.ts'
import './new-customer-gift.css'

const DEFAULT_TITLE = 'A gift for your first order'
/** Order statuses after payment: a customer with one of these is no longer new. */
const PAID_STATUSES = 'paid,partially_shipped,shipped,received,completed'

/** Whether the shopper is new: a guest, or a customer whose orders include no paid one. */
async function isNewCustomer(base: string): Promise<boolean> {
  await loadSession(base)
  if (customer() === null) return true
  if (!customer()) return false
  const paid = await storeApi<{ items: unknown[] }>(base, `/orders?limit=1&status=${PAID_STATUSES}`)
  return paid.items.length === 0
}

/**
 * The new-customer gift: a dismissible dialog offering the gift coupons to guests and customers
 * without a paid order, decided after hydration (the server renders nothing). A dismissal is
 * remembered per mall for `remindAfterDays`; a claim for good.
 */
export default function NewCustomerGiftBlock(p: { props: NewCustomerGiftProps }) {
  const store = useStorefront()
  const t = inLocale(couponText, store.locale)
  const [offers, setOffers] = createSignal<Offer[]>([])
  const [state, setState] = createSignal<ClaimState>('idle')
  const [open, setOpen] = createSignal(false)
  const title = () =>
    p.props.title === DEFAULT_TITLE || p.props.title === '' ? t.giftTitle : p.props.title
  let dialog: HTMLDivElement | undefined
  let returnFocus: HTMLElement | null = null

  onMount(async () => {
    if (p.props.templateIds.length === 0) return
    if (!giftDue(store.mall.slug, p.props.remindAfterDays)) return
    try {
      if (!(await isNewCustomer(store.base))) return
      const list = await loadOffers(store.base, {
        templateIds: p.props.templateIds,
        limit: p.props.templateIds.length,
      })
      const held = customer() ? await heldCounts(store.base) : new Map<string, number>()
      const left = list.filter((offer) => (held.get(offer.id) ?? 0) < offer.perCustomerLimit)
      if (left.length === 0) return
      setOffers(left)
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
      setOpen(true)
      dialog?.focus()
    } catch {
      // A gift is a nicety: when anything fails, the page simply has no popup.
    }
  })

  const close = () => {
    setOpen(false)
    if (state() !== 'claimed') rememberDismissed(store.mall.slug)
    returnFocus?.focus()
  }

  const claimAll = async () => {
    await loadSession(store.base)
    if (!customer()) return window.location.assign(loginHref(store.base))
    setState('busy')
    const results = await Promise.all(offers().map((offer) => claimOffer(store.base, offer.id)))
    if (results.includes('login')) return window.location.assign(loginHref(store.base))
    // Claimed when every gift is now held (a limit reached means it was held already).
    const held = results.every((r) => r === 'claimed' || r === 'limit_reached')
    setState(held ? 'claimed' : (results.find((r) => r !== 'claimed') ?? 'failed'))
    if (held) rememberClaimed(store.mall.slug)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'Tab' && dialog) {
      // Keep focus inside the dialog while it is open.
      const focusable = dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      if (!first || !last) return
      if (
        event.shiftKey &&
        (document.activeElement === first || document.activeElement === dialog)
      ) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
  }
  onCleanup(() => open() && returnFocus?.focus())

  return (
    <Show when={open()}>
      <Portal>
        <div class="mk-gift" onClick={(event) => event.target === event.currentTarget && close()}>
          <div
            ref={(el) => (dialog = el)}
            class="mk-gift__dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="mk-gift-title"
            tabindex="-1"
            onKeyDown={onKeyDown}
          >
            <button type="button" class="mk-gift__close" aria-label={t.close} onClick={close}>
              ×
            </button>
            <h2 id="mk-gift-title" class="mk-gift__title">
              {title()}
            </h2>
            <ul class="mk-gift__list">
              <For each={offers()}>
                {(offer) => (
                  <li class="mk-gift__coupon">
                    <strong>{benefitText(offer.benefit, t, store.locale)}</strong>
                    <span>{offer.name}</span>
                    <span>{validityText(offer.validity, t)}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={state() !== 'idle' && state() !== 'busy' && state() !== 'claimed'}>
              <p class="mk-gift__problem" role="alert">
                {t[state() as Exclude<ClaimState, 'idle' | 'busy' | 'claimed' | 'login'>]}
              </p>
            </Show>
            <Show
              when={customer() !== null}
              fallback={
                <a class="mk-gift__button" href={loginHref(store.base)}>
                  {t.loginToClaim}
                </a>
              }
            >
              <button
                type="button"
                class="mk-gift__button"
                disabled={state() === 'busy' || state() === 'claimed'}
                onClick={() => void claimAll()}
              >
                {state() === 'claimed'
                  ? t.claimed
                  : state() === 'busy'
                    ? t.claiming
                    : offers().length > 1
                      ? t.claimAll
                      : t.claim}
              </button>
            </Show>
          </div>
        </div>
      </Portal>
    </Show>
  )
}
