import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { useStorefront } from '../../../../../tenant-ui/src/app/storefront-context.ts'
import { inLocale } from '../../../../../tenant-ui/src/shared/i18n.ts'
import type { PointsMallProps } from '../../block-manifests.ts'
import {
  announceChange,
  forCustomer,
  loginHref,
  membershipApi,
  newKey,
  onMembershipChange,
} from '../shared/api.ts'
import { pointsMallText } from './messages.ts'
import { ListStates, type PublicList } from '../shared/BlockStates.tsx'
import { memberText } from '../shared/messages.ts'
import {
  offerState,
  refusalOf,
  type Exchanged,
  type MallOffer,
  type Standing,
} from './points-mall-api.ts'
import { Said, type Saying } from '../shared/Said.tsx'
import '../shared/membership.css'
import './points-mall.css'

type Offers = PublicList<MallOffer>

/**
 * The points mall: coupons the mall offers for points, each with its price, what is left and the
 * per-customer limit. The server renders the title and a skeleton (the HTML is cached and
 * shared); the browser loads the public list, then the customer's points and exchanges, which
 * decide each button (log in, exchange, not enough points, limit reached, sold out). An exchange
 * asks for confirmation first and sends a fresh Idempotency-Key per confirmation.
 */
export default function PointsMallBlock(p: { props: PointsMallProps }) {
  const store = useStorefront()
  const t = inLocale(pointsMallText, store.locale)
  const common = inLocale(memberText, store.locale)
  const [offers, setOffers] = createSignal<Offers>('loading')
  const [standing, setStanding] = createSignal<Standing | null>()
  const [asking, setAsking] = createSignal<string>()
  const [busy, setBusy] = createSignal<string>()
  const [said, setSaid] = createSignal<Saying & { id: string }>()
  const title = () => p.props.title || t.title

  const loadStanding = async () => {
    const mine = await forCustomer(store.base, () =>
      membershipApi<Standing>(store.base, '/points-mall/me'),
    ).catch(() => null)
    setStanding(mine)
  }
  const load = async () => {
    if (!Array.isArray(offers())) setOffers('loading')
    try {
      const { items } = await membershipApi<{ items: MallOffer[] }>(store.base, '/points-mall')
      setOffers(items.slice(0, p.props.limit))
    } catch {
      setOffers('failed')
      return
    }
    await loadStanding()
  }
  onMount(() => {
    void load()
    onCleanup(onMembershipChange(() => void loadStanding()))
  })

  const exchange = async (offer: MallOffer) => {
    if (busy()) return
    setAsking(undefined)
    setBusy(offer.id)
    setSaid(undefined)
    try {
      const done = await membershipApi<Exchanged>(store.base, `/points-mall/${offer.id}/exchange`, {
        method: 'POST',
        headers: { 'idempotency-key': newKey('points-mall') },
      })
      setSaid({ id: offer.id, text: t.done(offer.name) })
      setOffers((list) =>
        Array.isArray(list)
          ? list.map((o) =>
              o.id === offer.id && o.remaining !== null ? { ...o, remaining: o.remaining - 1 } : o,
            )
          : list,
      )
      setStanding((s) =>
        s
          ? {
              points: done.balance,
              exchanged: { ...s.exchanged, [offer.id]: (s.exchanged[offer.id] ?? 0) + 1 },
            }
          : s,
      )
      announceChange()
    } catch (error) {
      const code = refusalOf(error)
      setSaid({ id: offer.id, text: t.refused[code] ?? t.refused.failed!, error: true })
      void load()
    } finally {
      setBusy(undefined)
    }
  }

  const buttonText = (offer: MallOffer) => {
    const state = offerState(offer, standing())
    if (state === 'sold-out') return t.soldOut
    if (state === 'limit') return t.limitReached
    if (state === 'not-enough') return t.notEnough
    return busy() === offer.id ? t.exchanging : t.exchange
  }

  return (
    <section class="mk-member mk-member--points-mall" aria-label={title()}>
      <h2 class="mk-member__title">{title()}</h2>
      <ListStates value={offers()} t={common} empty={t.empty} onRetry={() => void load()}>
        {(list) => (
          <>
            <Show when={standing()}>
              {(s) => <p class="mk-member__hint mk-mall__points">{t.yourPoints(s().points)}</p>}
            </Show>
            <ul class="mk-mall__offers">
              <For each={list()}>
                {(offer) => (
                  <li class="mk-mall__offer" data-offer={offer.id}>
                    <div class="mk-mall__about">
                      <strong class="mk-mall__name">{offer.name}</strong>
                      <span class="mk-mall__price">{t.price(offer.points)}</span>
                      <span class="mk-mall__meta">
                        {offer.remaining === null ? t.unlimited : t.remaining(offer.remaining)}
                        {' · '}
                        {t.limit(offer.perCustomerLimit)}
                      </span>
                    </div>
                    <Show
                      when={standing() !== null || offer.remaining === 0}
                      fallback={
                        <a class="mk-member__button" href={loginHref(store.base)}>
                          {t.loginToExchange}
                        </a>
                      }
                    >
                      <Show
                        when={asking() === offer.id}
                        fallback={
                          <button
                            type="button"
                            class="mk-member__button"
                            disabled={
                              standing() === undefined ||
                              offerState(offer, standing()) !== 'exchange' ||
                              busy() !== undefined
                            }
                            aria-busy={busy() === offer.id ? 'true' : undefined}
                            onClick={() => setAsking(offer.id)}
                          >
                            {buttonText(offer)}
                          </button>
                        }
                      >
                        <div class="mk-mall__confirm" role="group" aria-label={t.exchange}>
                          <p>{t.confirm(offer.name, offer.points)}</p>
                          <button
                            type="button"
                            class="mk-member__button"
                            onClick={() => void exchange(offer)}
                          >
                            {t.confirmYes}
                          </button>
                          <button
                            type="button"
                            class="mk-member__button mk-member__button--ghost"
                            onClick={() => setAsking(undefined)}
                          >
                            {t.confirmNo}
                          </button>
                        </div>
                      </Show>
                    </Show>
                    <Said said={said()?.id === offer.id ? said() : undefined} />
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </ListStates>
    </section>
  )
}
