import { createSignal, For, Match, onMount, Switch } from 'solid-js'
import { customer, loadSession } from '../../../../../tenant-ui/src/app/session.ts'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { CouponCentreProps } from '../../manifest.ts'
import { claimOffer, heldCounts, loadOffers, loginHref, type ClaimState } from '../shared/claim.ts'
import { couponText } from '../shared/messages.ts'
import type { Offer } from '../shared/offer-text.ts'
import { CouponTicket } from './CouponTicket.tsx'
import './coupon-centre.css'

/** The manifest's default title, shown in the page's language instead. */
const DEFAULT_TITLE = 'Coupons'
/** Skeleton tickets when the list's length is not known before it loads. */
const SKELETON_MAX = 3

/**
 * The claim centre: claimable coupons as tickets with what remains of each, claimed with one tap.
 * The server renders a skeleton of the list's size; the coupons, and whether this customer holds
 * them, load after hydration (the server HTML is shared by every shopper).
 */
export default function CouponCentreBlock(p: { props: CouponCentreProps }) {
  const store = useStorefront()
  const t = inLocale(couponText, store.locale)
  const [offers, setOffers] = createSignal<Offer[] | 'loading' | 'failed'>('loading')
  const [states, setStates] = createSignal<Record<string, ClaimState>>({})
  const setState = (id: string, state: ClaimState) => setStates((all) => ({ ...all, [id]: state }))
  /** Taken since the list loaded, per offer (the list itself stays put, so focus does too). */
  const [taken, setTaken] = createSignal<Record<string, number>>({})
  const remaining = (offer: Offer) =>
    offer.remaining === null ? null : Math.max(0, offer.remaining - (taken()[offer.id] ?? 0))
  const chosen = () => (p.props.source === 'chosen' ? p.props.templateIds : undefined)
  const skeletons = () =>
    Math.max(1, Math.min(p.props.limit, chosen()?.length ?? SKELETON_MAX, SKELETON_MAX))
  const title = () =>
    p.props.title === DEFAULT_TITLE || p.props.title === '' ? t.centreTitle : p.props.title

  const load = async () => {
    setOffers('loading')
    try {
      const ids = chosen()
      const list = await loadOffers(store.base, {
        ...(ids ? { templateIds: ids } : {}),
        limit: p.props.limit,
      })
      setOffers(list)
      await loadSession(store.base)
      if (customer()) {
        const held = await heldCounts(store.base).catch(() => new Map<string, number>())
        for (const offer of list)
          if ((held.get(offer.id) ?? 0) >= offer.perCustomerLimit) setState(offer.id, 'claimed')
      }
    } catch {
      setOffers('failed')
    }
  }
  onMount(() => void load())

  const claim = async (offer: Offer) => {
    await loadSession(store.base)
    if (!customer()) return window.location.assign(loginHref(store.base))
    setState(offer.id, 'busy')
    const state = await claimOffer(store.base, offer.id)
    if (state === 'login') return window.location.assign(loginHref(store.base))
    setState(offer.id, state)
    // What remains moved: show the count after this claim (or after it ran out).
    if (state === 'claimed' || state === 'sold_out')
      setTaken((all) => ({ ...all, [offer.id]: state === 'sold_out' ? Infinity : 1 }))
  }

  return (
    <section
      class="mk-coupons"
      classList={{ 'mk-coupons--carousel': p.props.layout === 'carousel' }}
      aria-busy={offers() === 'loading'}
      aria-label={title()}
    >
      <h2 class="mk-coupons__title">{title()}</h2>
      <Switch>
        <Match when={offers() === 'loading'}>
          <ul class="mk-coupons__list" aria-hidden="true">
            <For each={Array.from({ length: skeletons() })}>
              {() => <li class="mk-coupon mk-coupon--skeleton" />}
            </For>
          </ul>
        </Match>
        <Match when={offers() === 'failed'}>
          <p class="mk-coupons__state" role="alert">
            {t.loadFailed}{' '}
            <button type="button" class="mk-coupons__retry" onClick={() => void load()}>
              {t.retry}
            </button>
          </p>
        </Match>
        <Match when={Array.isArray(offers()) && (offers() as Offer[]).length === 0}>
          <p class="mk-coupons__state">{t.empty}</p>
        </Match>
        <Match when={Array.isArray(offers()) && (offers() as Offer[])}>
          {(list) => (
            <ul class="mk-coupons__list">
              <For each={list()}>
                {(offer) => (
                  <CouponTicket
                    offer={offer}
                    remaining={remaining(offer)}
                    t={t}
                    locale={store.locale}
                    showRemaining={p.props.showRemaining}
                    state={states()[offer.id] ?? 'idle'}
                    loginHref={customer() === null ? loginHref(store.base) : null}
                    onClaim={() => void claim(offer)}
                  />
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  )
}
